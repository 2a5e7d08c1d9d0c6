import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Result } from "@/lib/store/fulfilment";
import * as chargeDisputeClosed from "./charge-dispute-closed";
import * as chargeDisputeCreated from "./charge-dispute-created";
import * as chargeRefunded from "./charge-refunded";
import * as asyncPaymentFailed from "./checkout-session-async-payment-failed";
import * as asyncPaymentSucceeded from "./checkout-session-async-payment-succeeded";
import * as checkoutSessionCompleted from "./checkout-session-completed";
import * as checkoutSessionExpired from "./checkout-session-expired";

export type Handler = {
  schema: z.ZodType;
  apply: (tx: Db, object: never) => Promise<Result>;
  /** Optional single-statement path for the common case; null means "use apply". */
  fast?: (db: Db, object: never, event: { id: string; type: string }) => Promise<Result | null>;
};

// Every event type the store acts on. Anything else is acknowledged and ignored.
const byType: Record<string, Handler> = {
  "checkout.session.completed": checkoutSessionCompleted,
  "checkout.session.async_payment_succeeded": asyncPaymentSucceeded,
  "checkout.session.async_payment_failed": asyncPaymentFailed,
  "checkout.session.expired": checkoutSessionExpired,
  "charge.refunded": chargeRefunded,
  "charge.dispute.created": chargeDisputeCreated,
  "charge.dispute.closed": chargeDisputeClosed,
};

// Own properties only: an event type such as "constructor" or "__proto__" must find nothing,
// not Object.prototype's members.
export const handlers: ReadonlyMap<string, Handler> = new Map(Object.entries(byType));

export const HANDLED_EVENT_TYPES = [...handlers.keys()];
