// The points ledger and the order events that post to it (payment, refund, dispute).

export * from "./first-payment.ts";
export * from "./ledger.ts";
export * from "./lot-jobs.ts";
export * from "./order-points.ts";
export * from "./point-lots.ts";
export * from "./points-liability.ts";
export * from "./refund-reversal.ts";
