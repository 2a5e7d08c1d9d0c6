/** The store's name as shoppers know it: badge pages, share texts and preview images say it. */
export const STORE_NAME = "Corner Roastery";
