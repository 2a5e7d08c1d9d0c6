"use server";

import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { recordAudit } from "playcart";
import { z } from "zod";
import { getDb } from "@/db/client";
import { orders } from "@/db/schema";
import { type ActionState, formObject, invalid } from "@/lib/action-state";
import { requireAdmin } from "@/lib/auth/guards";
import { paymentsMode } from "@/lib/env";
import { actionError } from "@/lib/store/action-errors";
import { formatMoney } from "@/lib/store/money";
import { selfOrigin } from "@/lib/store/origin";
import { refundAmount } from "@/lib/store/refund-amount";
import { stripe } from "@/lib/stripe/client";
import { chargeRefunded } from "@/lib/stripe/test-mode/events";
import { postSignedEvent } from "@/lib/stripe/test-mode/post-event";

const refundInput = z.object({
  orderId: z.uuid({ message: "Unknown order." }),
  amount: z.string().max(20).optional().default(""),
  // The amount the owner confirmed in the dialog: a refund of anything else is not made.
  confirmedMinor: z.coerce.number().int().nonnegative().optional(),
});

/** Refunds an order. The ledger changes only when the refund's webhook arrives. */
export async function refundOrderAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const admin = await requireAdmin();
    const input = refundInput.safeParse(formObject(form));
    if (!input.success) return invalid(input.error);
    const db = await getDb();
    const [order] = await db.select().from(orders).where(eq(orders.id, input.data.orderId));
    if (!order) return { status: "invalid", message: "Unknown order.", fieldErrors: { orderId: "Unknown order." } };
    if (order.status !== "paid") return { status: "invalid", message: "Only paid orders can be refunded." };
    const remaining = order.totalMinor - order.amountRefundedMinor;
    const asked = refundAmount(input.data.amount, remaining, order.currency);
    if ("error" in asked) return { status: "invalid", message: asked.error, fieldErrors: { amount: asked.error } };
    const amount = asked.minor;
    if (input.data.confirmedMinor !== amount)
      return {
        status: "invalid",
        message: `Nothing was refunded: confirm the refund of ${formatMoney(amount, order.currency)} first.`,
      };
    const cumulative = order.amountRefundedMinor + amount;
    if (paymentsMode() === "test") {
      const res = await postSignedEvent(selfOrigin(), chargeRefunded(order, cumulative));
      if (!res.ok)
        return { status: "error", message: `The refund could not be recorded (webhook answered ${res.status}).` };
    } else {
      if (!order.paymentIntentId) return { status: "invalid", message: "This order has no Stripe payment to refund." };
      await stripe().refunds.create(
        { payment_intent: order.paymentIntentId, amount },
        { idempotencyKey: `playcart:refund:${order.id}:${cumulative}` },
      );
    }
    // The request is audited here; the ledger's own entries follow from the webhook.
    await recordAudit(db, {
      actor: admin.email,
      action: "order.refund",
      entity: "order",
      entityId: order.id,
      before: { amountRefundedMinor: order.amountRefundedMinor, currency: order.currency },
      after: { amountRefundedMinor: cumulative, currency: order.currency, mode: paymentsMode() },
    });
    revalidatePath("/admin");
    return { status: "ok", message: `Refunded ${formatMoney(amount, order.currency)}.` };
  } catch (err) {
    return actionError(err);
  }
}
