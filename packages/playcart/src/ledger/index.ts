// The points ledger and the order events that post to it (payment, refund, dispute).

export * from "./first-payment";
export * from "./ledger";
export * from "./order-points";
export * from "./refund-reversal";
