// What an order no longer brings the store: its cumulative refunds, or all of it once a
// dispute is lost (the bank took the payment back). Everything the order earned (base points,
// tier bonus, rule points, stamps, badges, tier spend) is reversed by this amount, so a lost
// dispute takes exactly what a full refund would.
import { sql } from "drizzle-orm";
import type { OrderReward } from "./schema.ts";

type Amounts = Pick<OrderReward, "amountPaidMinor" | "amountRefundedMinor" | "disputeStatus">;

export const reversedMinor = (o: Amounts) => (o.disputeStatus === "lost" ? o.amountPaidMinor : o.amountRefundedMinor);

/** What the order still brings in, for a playcart_order_rewards row under the SQL name `row`. */
export const netPaidSql = (row: string) =>
  sql.raw(
    `(CASE WHEN ${row}.dispute_status = 'lost' THEN 0 ELSE ${row}.amount_paid_minor - ${row}.amount_refunded_minor END)`,
  );
