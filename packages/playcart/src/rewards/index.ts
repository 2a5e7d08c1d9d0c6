// Rewards won or bought: reserving and redeeming them at checkout, the points catalog,
// bonus rewards and prize economics.

export * from "./bonus-rewards";
export * from "./catalog";
export * from "./checkout-reward";
export * from "./prize-category";
export * from "./prize-economics";
export * from "./rewards";
