// An order's status in words, wherever the store shows orders (the admin's orders, the
// shopper's account and receipt): a paid order says whether it was refunded, in part or in
// full, in Playcart's words.
import { type PaymentStatus, paymentStatus } from "playcart/client";

type StoreOrder = { status: string; totalMinor: number; amountRefundedMinor: number; disputeStatus?: string | null };

export function orderStatus(o: StoreOrder): PaymentStatus | "pending" | "processing" | "failed" | "expired" {
  if (o.status !== "paid") return o.status as "pending" | "processing" | "failed" | "expired";
  return paymentStatus({
    amountPaidMinor: o.totalMinor,
    amountRefundedMinor: o.amountRefundedMinor,
    disputeStatus: o.disputeStatus,
  });
}
