// Rewards won or bought: reserving and redeeming them at checkout, the points catalog,
// bonus rewards and prize economics.

export * from "./bonus-rewards.ts";
export * from "./catalog.ts";
export * from "./checkout-reward.ts";
export * from "./held-rewards.ts";
export * from "./panel-types.ts";
export * from "./points-outlook.ts";
export * from "./prize-category.ts";
export * from "./prize-economics.ts";
export * from "./reward-used.ts";
export * from "./reward-words.ts";
export * from "./rewards.ts";
export * from "./ways-to-earn.ts";
