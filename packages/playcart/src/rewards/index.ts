// Rewards won or bought: reserving and redeeming them at checkout, the points catalog,
// bonus rewards and prize economics.

export * from "./bonus-rewards.ts";
export * from "./catalog.ts";
export * from "./checkout-reward.ts";
export * from "./prize-category.ts";
export * from "./prize-economics.ts";
export * from "./rewards.ts";
