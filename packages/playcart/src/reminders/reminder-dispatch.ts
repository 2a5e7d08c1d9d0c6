// Sending due reminders. claimDueReminders takes a batch under FOR UPDATE SKIP LOCKED and
// marks it `sending` in the same transaction, so two dispatchers never take one reminder;
// sendClaimed checks again for a purchase or an unsubscribe right before each send, sends
// through the host's senders, and records the result. A reminder is never re-sent after an
// interrupted send: at most once, not at least once.
import { sql } from "drizzle-orm";
import { type EngageDb, rowsOf } from "../core/db.ts";
import { type CartItemSnapshot, pushSubscriptions } from "../core/schema.ts";
import { purchasedSince } from "./abandonment.ts";
import {
  CONTACT_GAP_HOURS,
  DEFAULT_QUIET_HOURS,
  inQuietHours,
  MAX_SEND_ATTEMPTS,
  type QuietHours,
  retryDelayMs,
} from "./reminder-schedule.ts";

export type ReminderMessage = {
  reminderId: number;
  cartRef: string;
  email: string;
  customerId: string;
  sessionRef: string | null;
  sequenceId: string | null;
  step: number;
  discountPercent: number | null;
  items: CartItemSnapshot[];
  valueMinor: number;
  currency: string;
};

/** Thrown by a sender. Permanent (a 5xx SMTP reply) stops the reminder; anything else is retried. */
export class SendFailure extends Error {
  constructor(
    message: string,
    public readonly permanent: boolean,
  ) {
    super(message);
    this.name = "SendFailure";
  }
}

export type PushTarget = { endpoint: string; p256dh: string; auth: string };
export type PushOutcome = { delivered: number; gone: string[] };

export type ReminderSenders = {
  email: (m: ReminderMessage) => Promise<void>;
  push?: (m: ReminderMessage, targets: PushTarget[]) => Promise<PushOutcome>;
};

export type DispatchOptions = { now: Date; timeZone: string; quietHours?: QuietHours; batchSize?: number };

export type Claimed = ReminderMessage & { attempts: number; previousReminderAt: Date | null };

const idArray = (ids: number[]) => `{${ids.join(",")}}`;
const textArray = (values: string[]) => `{${values.map((v) => `"${v.replace(/(["\\])/g, "\\$1")}"`).join(",")}}`;

/**
 * Claims up to `batchSize` due reminders. Stops (cancels) those whose cart was bought or
 * whose contact unsubscribed or never consented; holds back those whose contact had a
 * reminder in the last 24 h (at most one per contact, enforced under the contact's row lock);
 * claims nothing inside quiet hours.
 */
export async function claimDueReminders(
  db: EngageDb,
  opts: DispatchOptions,
): Promise<{ claimed: Claimed[]; seen: number }> {
  if (inQuietHours(opts.now, opts.quietHours ?? DEFAULT_QUIET_HOURS, opts.timeZone)) return { claimed: [], seen: 0 };
  const now = opts.now.toISOString();
  return db.transaction(async (tx) => {
    const due = rowsOf<{
      id: number;
      cart_ref: string;
      step: number;
      discount_percent: number | null;
      sequence_id: string | null;
      attempts: number;
      email: string;
      customer_id: string;
      session_ref: string | null;
      items: CartItemSnapshot[];
      value_minor: number;
      currency: string;
      consent_at: string | null;
      unsubscribed_at: string | null;
      purchased: boolean;
    }>(
      await tx.execute(sql`
        WITH due AS (
          SELECT id FROM playcart_reminders
          WHERE status = 'scheduled' AND due_at <= ${now}
          ORDER BY due_at, id LIMIT ${opts.batchSize ?? 500}
          FOR UPDATE SKIP LOCKED)
        SELECT r.id::int AS id, r.cart_ref, r.step, r.discount_percent, r.sequence_id, r.attempts,
               c.email, c.customer_id, c.session_ref, c.items, c.value_minor, c.currency,
               ct.consent_at, ct.unsubscribed_at, ${purchasedSince(sql`c.customer_id`, sql`c.activity_at`)} AS purchased
        FROM due JOIN playcart_reminders r ON r.id = due.id
        JOIN playcart_carts c ON c.cart_ref = r.cart_ref
        -- LATERAL: one index lookup per due row; a join would let the planner hash every contact.
        LEFT JOIN LATERAL (SELECT consent_at, unsubscribed_at FROM playcart_contacts WHERE email = c.email) ct ON true
        ORDER BY r.due_at, r.id`),
    );
    if (due.length === 0) return { claimed: [], seen: 0 };

    const stop = (outcome: string, rows: typeof due) =>
      rows.length
        ? cancel(
            tx,
            rows.map((r) => r.id),
            outcome,
          )
        : undefined;
    const purchased = due.filter((r) => r.purchased);
    const unsubscribed = due.filter((r) => !r.purchased && r.unsubscribed_at);
    const noConsent = due.filter((r) => !r.purchased && !r.unsubscribed_at && !r.consent_at);
    await stop("purchased", purchased);
    await stop("unsubscribed", unsubscribed);
    await stop("no_consent", noConsent);
    if (purchased.length) {
      await tx.execute(
        sql`UPDATE playcart_carts SET status = 'purchased' WHERE cart_ref = ANY(${textArray(purchased.map((r) => r.cart_ref))}::text[])`,
      );
    }

    // One per contact: the earliest due; the rest wait a day.
    const sendable = due.filter((r) => !r.purchased && !r.unsubscribed_at && r.consent_at);
    const first = new Map<string, (typeof due)[number]>();
    for (const r of sendable) if (!first.has(r.email)) first.set(r.email, r);
    const later = sendable.filter((r) => first.get(r.email) !== r);

    // Takes the contact's 24-hour slot under its row lock (in email order: no deadlocks).
    const granted = rowsOf<{ email: string; previous: string | null }>(
      await tx.execute(sql`
        WITH locked AS (
          SELECT email, last_reminder_at FROM playcart_contacts
          WHERE email = ANY(${textArray([...first.keys()])}::text[])
          ORDER BY email FOR UPDATE
        ), ok AS (
          SELECT email, last_reminder_at FROM locked
          WHERE last_reminder_at IS NULL OR last_reminder_at <= ${now}::timestamptz - make_interval(hours => ${CONTACT_GAP_HOURS})
        ), moved AS (
          UPDATE playcart_contacts ct SET last_reminder_at = ${now} FROM ok WHERE ct.email = ok.email RETURNING ct.email
        )
        SELECT ok.email, ok.last_reminder_at AS previous FROM ok`),
    );
    const grantedEmails = new Map(granted.map((g) => [g.email, g.previous]));
    const claimed = [...first.values()].filter((r) => grantedEmails.has(r.email));
    const held = [...later, ...[...first.values()].filter((r) => !grantedEmails.has(r.email))];
    if (held.length) {
      await tx.execute(sql`
        UPDATE playcart_reminders r
        SET due_at = greatest(r.due_at, coalesce(
          (SELECT ct.last_reminder_at FROM playcart_carts c JOIN playcart_contacts ct ON ct.email = c.email WHERE c.cart_ref = r.cart_ref),
          ${now}::timestamptz) + make_interval(hours => ${CONTACT_GAP_HOURS}))
        WHERE r.id = ANY(${idArray(held.map((r) => r.id))}::bigint[])`);
    }
    if (claimed.length) {
      await tx.execute(sql`
        UPDATE playcart_reminders SET status = 'sending', claimed_at = ${now}, attempts = attempts + 1
        WHERE id = ANY(${idArray(claimed.map((r) => r.id))}::bigint[])`);
    }
    const out = claimed.map((r) => ({
      reminderId: Number(r.id),
      cartRef: r.cart_ref,
      email: r.email,
      customerId: r.customer_id,
      sessionRef: r.session_ref,
      sequenceId: r.sequence_id,
      step: r.step,
      discountPercent: r.discount_percent,
      items: r.items,
      valueMinor: r.value_minor,
      currency: r.currency,
      attempts: r.attempts + 1,
      previousReminderAt: (() => {
        const p = grantedEmails.get(r.email);
        return p ? new Date(p) : null;
      })(),
    }));
    return { claimed: out, seen: due.length };
  });
}

async function cancel(db: EngageDb, ids: number[], outcome: string) {
  await db.execute(
    sql`UPDATE playcart_reminders SET status = 'cancelled', outcome = ${outcome} WHERE id = ANY(${idArray(ids)}::bigint[])`,
  );
}

/** Reminders among `ids` that must not go out any more: bought since, or unsubscribed. */
async function stoppedNow(db: EngageDb, ids: number[]): Promise<Map<number, string>> {
  const rows = rowsOf<{ id: number; outcome: string }>(
    await db.execute(sql`
      SELECT r.id::int AS id, CASE WHEN ${purchasedSince(sql`c.customer_id`, sql`c.activity_at`)} THEN 'purchased' ELSE 'unsubscribed' END AS outcome
      FROM playcart_reminders r JOIN playcart_carts c ON c.cart_ref = r.cart_ref
      LEFT JOIN LATERAL (SELECT consent_at, unsubscribed_at FROM playcart_contacts WHERE email = c.email) ct ON true
      WHERE r.id = ANY(${idArray(ids)}::bigint[])
        AND (ct.unsubscribed_at IS NOT NULL OR ct.consent_at IS NULL OR ${purchasedSince(sql`c.customer_id`, sql`c.activity_at`)})`),
  );
  return new Map(rows.map((r) => [Number(r.id), r.outcome]));
}

type Result =
  | { kind: "sent"; channels: string[]; gone: string[] }
  | { kind: "retry"; error: string }
  | { kind: "failed"; error: string }
  | { kind: "stopped"; outcome: string };

export type DispatchReport = { claimed: number; sent: number; stopped: number; retried: number; failed: number };

/**
 * Sends claimed reminders, `concurrency` at a time, re-checking each chunk for a purchase or
 * an unsubscribe immediately before sending, and records every result.
 */
export async function sendClaimed(
  db: EngageDb,
  claimed: Claimed[],
  senders: ReminderSenders,
  opts: { now: Date; concurrency?: number },
): Promise<DispatchReport> {
  const report: DispatchReport = { claimed: claimed.length, sent: 0, stopped: 0, retried: 0, failed: 0 };
  const chunkSize = opts.concurrency ?? 20;
  // A chunk's results are recorded while the next chunk is sent (the database and the mail
  // server work at the same time); every record is awaited before this returns.
  let recording: Promise<void> = Promise.resolve();
  for (let i = 0; i < claimed.length; i += chunkSize) {
    const chunk = claimed.slice(i, i + chunkSize);
    const stopped = await stoppedNow(
      db,
      chunk.map((c) => c.reminderId),
    );
    const subs = senders.push
      ? await pushTargets(
          db,
          chunk.filter((c) => !stopped.has(c.reminderId)).map((c) => c.email),
        )
      : new Map<string, PushTarget[]>();
    const results = await Promise.all(
      chunk.map(async (m): Promise<[Claimed, Result]> => {
        const outcome = stopped.get(m.reminderId);
        if (outcome) return [m, { kind: "stopped", outcome }];
        return [m, await sendOne(m, senders, subs.get(m.email) ?? [])];
      }),
    );
    await recording;
    recording = record(db, results, opts.now);
    for (const [, r] of results) report[r.kind === "retry" ? "retried" : r.kind] += 1;
  }
  await recording;
  return report;
}

async function sendOne(m: ReminderMessage, senders: ReminderSenders, targets: PushTarget[]): Promise<Result> {
  const channels: string[] = [];
  let gone: string[] = [];
  try {
    await senders.email(m);
    channels.push("email");
  } catch (err) {
    const permanent = err instanceof SendFailure && err.permanent;
    const error = err instanceof Error ? err.message : String(err);
    return permanent ? { kind: "failed", error } : { kind: "retry", error };
  }
  if (senders.push && targets.length > 0) {
    // Push is a second channel: its failure never un-sends the email.
    try {
      const out = await senders.push(m, targets);
      if (out.delivered > 0) channels.push("push");
      gone = out.gone;
    } catch (err) {
      console.warn(`[playcart] push for reminder ${m.reminderId} failed: ${err instanceof Error ? err.message : err}`);
    }
  }
  return { kind: "sent", channels, gone };
}

async function pushTargets(db: EngageDb, emails: string[]): Promise<Map<string, PushTarget[]>> {
  const out = new Map<string, PushTarget[]>();
  if (emails.length === 0) return out;
  const rows = await db
    .select({
      email: pushSubscriptions.email,
      endpoint: pushSubscriptions.endpoint,
      p256dh: pushSubscriptions.p256dh,
      auth: pushSubscriptions.auth,
    })
    .from(pushSubscriptions)
    .where(sql`${pushSubscriptions.email} = ANY(${textArray(emails)}::text[])`);
  for (const r of rows) out.set(r.email, [...(out.get(r.email) ?? []), r]);
  return out;
}

/** Records a chunk's results in one transaction: statuses, reminder.sent events, retries. */
async function record(db: EngageDb, results: [Claimed, Result][], now: Date) {
  const at = now.toISOString();
  await db.transaction(async (tx) => {
    const sent = results.filter((r): r is [Claimed, Extract<Result, { kind: "sent" }>] => r[1].kind === "sent");
    // One statement per set of channels (email, or email and push): `id = ANY(array)` keeps
    // the update on the primary key, whatever the planner guesses about the batch.
    const byChannels = new Map<string, number[]>();
    for (const [m, r] of sent)
      byChannels.set(r.channels.join(","), [...(byChannels.get(r.channels.join(",")) ?? []), m.reminderId]);
    for (const [channels, ids] of byChannels) {
      await tx.execute(sql`
        WITH upd AS (
          UPDATE playcart_reminders r SET status = 'sent', sent_at = ${at}, channels = ${`{${channels}}`}::text[], outcome = 'sent'
          WHERE r.id = ANY(${idArray(ids)}::bigint[]) AND r.status = 'sending'
          RETURNING r.id, r.step, r.sequence_id, r.cart_ref, r.channels)
        INSERT INTO playcart_events (event_key, type, customer_id, session_ref, campaign_id, value_minor, payload, occurred_at)
        SELECT 'reminder.sent:' || upd.id || ':' || ch, 'reminder.sent', c.customer_id, c.session_ref, upd.sequence_id, c.value_minor,
               jsonb_build_object('channel', ch, 'step', upd.step, 'reminderId', upd.id, 'cartRef', upd.cart_ref), ${at}
        FROM upd CROSS JOIN LATERAL (SELECT * FROM playcart_carts WHERE cart_ref = upd.cart_ref) c CROSS JOIN LATERAL unnest(upd.channels) AS ch
        ON CONFLICT (event_key) DO NOTHING`);
    }
    const gone = sent.flatMap(([, r]) => r.gone);
    if (gone.length)
      await tx.delete(pushSubscriptions).where(sql`${pushSubscriptions.endpoint} = ANY(${textArray(gone)}::text[])`);
    for (const [m, r] of results) {
      if (r.kind === "stopped") {
        await tx.execute(
          sql`UPDATE playcart_reminders SET status = 'cancelled', outcome = ${r.outcome} WHERE id = ${m.reminderId}`,
        );
        await giveBackSlot(tx, m, at);
      } else if (r.kind === "failed" || (r.kind === "retry" && m.attempts >= MAX_SEND_ATTEMPTS)) {
        await tx.execute(
          sql`UPDATE playcart_reminders SET status = 'failed', outcome = ${r.error.slice(0, 500)} WHERE id = ${m.reminderId}`,
        );
        await giveBackSlot(tx, m, at);
      } else if (r.kind === "retry") {
        const retryAt = new Date(now.getTime() + retryDelayMs(m.attempts)).toISOString();
        await tx.execute(
          sql`UPDATE playcart_reminders SET status = 'scheduled', due_at = ${retryAt}, outcome = ${`retry: ${r.error.slice(0, 480)}`} WHERE id = ${m.reminderId}`,
        );
        await giveBackSlot(tx, m, at);
      }
    }
  });
}

/** Nothing went out: the contact's 24-hour slot taken at claim goes back. */
async function giveBackSlot(tx: EngageDb, m: Claimed, at: string) {
  await tx.execute(sql`
    UPDATE playcart_contacts SET last_reminder_at = ${m.previousReminderAt?.toISOString() ?? null}
    WHERE email = ${m.email} AND last_reminder_at = ${at}`);
}

/**
 * The scheduled job: claims and sends due reminders batch by batch until none are due.
 * Each batch is claimed in its own transaction, so several dispatchers share the work.
 */
export async function dispatchReminders(
  db: EngageDb,
  senders: ReminderSenders,
  opts: DispatchOptions & { concurrency?: number; maxBatches?: number },
): Promise<DispatchReport> {
  const total: DispatchReport = { claimed: 0, sent: 0, stopped: 0, retried: 0, failed: 0 };
  const maxBatches = opts.maxBatches ?? 100;
  // The next batch is claimed while this one is sent. A claimed batch is always sent: a
  // claim left unsent would stay `sending` and never go out.
  let next = claimDueReminders(db, opts);
  for (let batch = 0; batch < maxBatches; batch++) {
    const { claimed, seen } = await next;
    if (seen === 0) break;
    next = batch + 1 < maxBatches ? claimDueReminders(db, opts) : Promise.resolve({ claimed: [], seen: 0 });
    total.stopped += seen - claimed.length;
    const r = await sendClaimed(db, claimed, senders, { now: opts.now, concurrency: opts.concurrency });
    for (const k of Object.keys(total) as (keyof DispatchReport)[]) total[k] += r[k];
  }
  return total;
}
