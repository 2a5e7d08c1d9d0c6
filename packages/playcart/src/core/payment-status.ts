// A paid order's standing in words, the same wherever an order shows (the admin's order list,
// a customer's profile, the shopper's receipt): refunded in part or in full, or disputed.

export type PaymentStatus = "paid" | "partly refunded" | "refunded" | "disputed" | "dispute lost";

export function paymentStatus(o: {
  amountPaidMinor: number;
  amountRefundedMinor: number;
  disputeStatus?: string | null;
}): PaymentStatus {
  if (o.disputeStatus === "lost") return "dispute lost";
  if (o.amountPaidMinor > 0 && o.amountRefundedMinor >= o.amountPaidMinor) return "refunded";
  if (o.amountRefundedMinor > 0) return "partly refunded";
  if (o.disputeStatus === "open") return "disputed";
  return "paid";
}
