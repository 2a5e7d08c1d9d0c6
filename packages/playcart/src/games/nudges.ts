// The exit nudge's log: shown once per shopper session, then dismissed or converted.
// "Shown" is recorded before the nudge appears, and its key is the session, so a second
// exit in the same session (another tab, a reload) is refused by the unique event key.
import { eq } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { events } from "../core/schema.ts";
import { recordEvent } from "../engine/index.ts";

export type NudgeRef = {
  sessionRef: string;
  cartRef: string;
  customerId?: string | null;
  campaignId?: string | null;
  trigger?: string;
  now: Date;
};

/** Records the exit intent and claims this session's one nudge: true if it may be shown. */
export async function claimNudge(db: EngageDb, ref: NudgeRef): Promise<boolean> {
  const base = { customerId: ref.customerId ?? null, sessionRef: ref.sessionRef, campaignId: ref.campaignId ?? null };
  await recordEvent(db, {
    type: "checkout.exit_intent",
    key: `${ref.sessionRef}:${ref.cartRef}`,
    ...base,
    payload: { trigger: ref.trigger ?? "unknown" },
    occurredAt: ref.now,
  });
  const id = await recordEvent(db, {
    type: "nudge.shown",
    key: ref.sessionRef,
    ...base,
    payload: { cartRef: ref.cartRef, trigger: ref.trigger ?? "unknown" },
    occurredAt: ref.now,
  });
  return id !== null;
}

export async function nudgeShown(db: EngageDb, sessionRef: string): Promise<boolean> {
  const [row] = await db
    .select({ id: events.id })
    .from(events)
    .where(eq(events.eventKey, `nudge.shown:${sessionRef}`));
  return Boolean(row);
}

/** Dismissed: only after it was shown in this session. */
export async function recordNudgeDismissed(db: EngageDb, ref: NudgeRef): Promise<boolean> {
  if (!(await nudgeShown(db, ref.sessionRef))) return false;
  return (
    (await recordEvent(db, {
      type: "nudge.dismissed",
      key: ref.sessionRef,
      customerId: ref.customerId ?? null,
      sessionRef: ref.sessionRef,
      campaignId: ref.campaignId ?? null,
      occurredAt: ref.now,
    })) !== null
  );
}

/** Converted: the shopper went on to place the order in the session the nudge was shown. */
export async function recordNudgeConverted(
  db: EngageDb,
  ref: NudgeRef & { orderRef: string; valueMinor: number },
): Promise<boolean> {
  if (!(await nudgeShown(db, ref.sessionRef))) return false;
  return (
    (await recordEvent(db, {
      type: "nudge.converted",
      key: ref.sessionRef,
      customerId: ref.customerId ?? null,
      sessionRef: ref.sessionRef,
      orderRef: ref.orderRef,
      campaignId: ref.campaignId ?? null,
      valueMinor: ref.valueMinor,
      occurredAt: ref.now,
    })) !== null
  );
}
