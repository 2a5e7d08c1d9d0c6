// What each Stripe event type does to Playcart. Each handler runs inside the transaction that
// records the event id, so an event applies at most once.
import type { z } from "zod";
import type { EngageDb } from "../../core/db.ts";
import { orderFromAdapter } from "../adapter-order.ts";
import type { Order, PlaycartAdapter } from "../config.ts";
import { applyOrderDisputed, applyOrderPaid, applyOrderRefunded, type Reversal } from "../order-effects.ts";
import {
  asyncSucceededSessionSchema,
  type ChargeFields,
  type CheckoutSessionFields,
  chargeSchema,
  completedSessionSchema,
  type DisputeFields,
  defaultOrderRefOfSession,
  disputeSchema,
  orderRefOfMetadata,
} from "./objects.ts";

export type Outcome =
  | "earned"
  | "awaiting_payment"
  | "amount_mismatch"
  | "unknown_order"
  | "currency_mismatch"
  | "refund_recorded"
  | "refund_parked"
  | "dispute_recorded"
  | "dispute_parked";
export type HandlerResult = { outcome: Outcome; orderRef?: string; points?: number };
export type HandlerContext = { adapter: PlaycartAdapter; now: Date };

type Handler<T> = {
  schema: z.ZodType<T>;
  /** Reads the host's facts before the transaction (the adapter may use its own connection). */
  prepare?: (object: T, ctx: HandlerContext) => Promise<Order | null>;
  apply: (tx: EngageDb, object: T, ctx: HandlerContext & { order: Order | null }) => Promise<HandlerResult>;
};

function sessionOrderRef(session: CheckoutSessionFields, adapter: PlaycartAdapter): string | null {
  const ref = adapter.orderRefOfCheckoutSession
    ? adapter.orderRefOfCheckoutSession({
        id: session.id,
        client_reference_id: session.client_reference_id,
        metadata: session.metadata,
      })
    : defaultOrderRefOfSession(session);
  return ref || null;
}

const paidSession = (schema: z.ZodType<CheckoutSessionFields>): Handler<CheckoutSessionFields> => ({
  schema,
  prepare: async (session, { adapter }) => {
    const ref = sessionOrderRef(session, adapter);
    return ref ? await orderFromAdapter(adapter, ref) : null;
  },
  apply: async (tx, session, { order, now }) => {
    if (!order) return { outcome: "unknown_order" };
    // Delayed methods (bank debits) complete the session unpaid; async_payment_succeeded follows.
    if (session.payment_status === "unpaid") return { outcome: "awaiting_payment", orderRef: order.ref };
    if (session.amount_total !== order.totalMinor || session.currency?.toLowerCase() !== order.currency.toLowerCase()) {
      console.warn(
        `[playcart] order ${order.ref}: paid ${session.amount_total} ${session.currency} but it totals ${order.totalMinor} ${order.currency}; no points`,
      );
      return { outcome: "amount_mismatch", orderRef: order.ref };
    }
    const points = await applyOrderPaid(tx, {
      order,
      amountPaidMinor: session.amount_total,
      paidAt: order.paidAt ?? now,
      paymentRef: session.payment_intent,
      now,
    });
    return { outcome: "earned", orderRef: order.ref, points };
  },
});

// A refund or dispute names its payment (the PaymentIntent) and, through the metadata the host
// set on it, its order. One Playcart has not seen paid yet is parked (see parked-payments.ts).
const namesOf = (o: { payment_intent: string | null; metadata: Record<string, string> }) => ({
  paymentRef: o.payment_intent,
  orderRef: orderRefOfMetadata(o.metadata),
});

const reversal = (r: Reversal, recorded: Outcome, parked: Outcome): HandlerResult => ({
  outcome: r.outcome === "recorded" ? recorded : r.outcome === "parked" ? parked : r.outcome,
  ...(r.orderRef ? { orderRef: r.orderRef } : {}),
});

const chargeRefunded: Handler<ChargeFields> = {
  schema: chargeSchema,
  // amount_refunded is cumulative: two partial refunds arrive as, say, 1000 then 2500. The
  // charge's currency must be the one the order was paid in.
  apply: async (tx, charge, { now }) =>
    reversal(
      await applyOrderRefunded(tx, {
        ...namesOf(charge),
        amountRefundedMinor: charge.amount_refunded,
        currency: charge.currency,
        now,
      }),
      "refund_recorded",
      "refund_parked",
    ),
};

const disputeCreated: Handler<DisputeFields> = {
  schema: disputeSchema,
  apply: async (tx, dispute, { now }) =>
    reversal(
      await applyOrderDisputed(tx, { ...namesOf(dispute), status: "open", now }),
      "dispute_recorded",
      "dispute_parked",
    ),
};

// Only "lost" removes the points; "won" and a closed inquiry ("warning_closed") release them.
const disputeClosed: Handler<DisputeFields> = {
  schema: disputeSchema,
  apply: async (tx, dispute, { now }) =>
    reversal(
      await applyOrderDisputed(tx, {
        ...namesOf(dispute),
        status: dispute.status === "lost" ? "lost" : "won",
        now,
      }),
      "dispute_recorded",
      "dispute_parked",
    ),
};

// Each handler parses its own object with its schema before apply sees it.
const erased = <T>(h: Handler<T>) => h as unknown as Handler<unknown>;

// A Map, not an object literal: an event type such as "__proto__" or "constructor" must find nothing.
export const handlers: ReadonlyMap<string, Handler<unknown>> = new Map([
  ["checkout.session.completed", erased(paidSession(completedSessionSchema))],
  ["checkout.session.async_payment_succeeded", erased(paidSession(asyncSucceededSessionSchema))],
  ["charge.refunded", erased(chargeRefunded)],
  ["charge.dispute.created", erased(disputeCreated)],
  ["charge.dispute.closed", erased(disputeClosed)],
]);

export const HANDLED_EVENT_TYPES = [...handlers.keys()];
