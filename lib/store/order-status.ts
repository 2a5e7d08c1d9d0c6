// An order's status in words, wherever orders show (the admin's orders, the shopper's account
// and receipt): a paid order that was refunded says so, and how much.
type OrderMoney = { status: string; totalMinor: number; amountRefundedMinor: number; disputeStatus?: string | null };

export type OrderStatusWord =
  | "pending"
  | "processing"
  | "failed"
  | "expired"
  | "paid"
  | "partly refunded"
  | "refunded"
  | "disputed"
  | "dispute lost";

export function orderStatus(o: OrderMoney): OrderStatusWord {
  if (o.status !== "paid") return o.status as OrderStatusWord;
  if (o.disputeStatus === "lost") return "dispute lost";
  if (o.amountRefundedMinor >= o.totalMinor && o.totalMinor > 0) return "refunded";
  if (o.amountRefundedMinor > 0) return "partly refunded";
  if (o.disputeStatus === "open") return "disputed";
  return "paid";
}
