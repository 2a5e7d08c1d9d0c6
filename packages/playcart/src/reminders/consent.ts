// Marketing consent: given with the exact wording the shopper saw and where, withdrawn by an
// unsubscribe. The contact row holds the current state; the event log keeps the history.
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { ensureCustomer } from "../core/customers.ts";
import type { EngageDb } from "../core/db.ts";
import { mailAddress } from "../core/identity.ts";
import { contacts } from "../core/schema.ts";
import { recordEvent } from "../engine/index.ts";

export const consentInput = z.object({
  email: z.email(),
  wording: z.string().trim().min(10).max(500),
  source: z.string().trim().min(2).max(100),
  now: z.date(),
});

/** Records consent (idempotent per email and instant). A later consent renews an unsubscribe. */
export async function recordConsent(db: EngageDb, input: z.input<typeof consentInput>) {
  const c = consentInput.parse(input);
  const email = mailAddress(c.email);
  return db.transaction(async (tx) => {
    const customer = await ensureCustomer(tx, { email });
    await tx
      .insert(contacts)
      .values({ email, customerId: customer.id, consentAt: c.now, consentWording: c.wording, consentSource: c.source })
      .onConflictDoUpdate({
        target: contacts.email,
        set: {
          consentAt: c.now,
          consentWording: c.wording,
          consentSource: c.source,
          unsubscribedAt: null,
          customerId: customer.id,
        },
      });
    await recordEvent(tx, {
      type: "consent.given",
      key: `${email}:${c.now.toISOString()}`,
      customerId: customer.id,
      payload: { wording: c.wording, source: c.source },
      occurredAt: c.now,
    });
    return { email, customerId: customer.id };
  });
}

/**
 * Withdraws consent: every reminder not yet sent stops (the dispatcher checks this at claim
 * and again just before sending). Returns false when there was nothing to withdraw.
 */
export async function withdrawConsent(
  db: EngageDb,
  input: { email: string; source: string; now: Date },
): Promise<boolean> {
  const email = mailAddress(input.email);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(contacts)
      .set({ unsubscribedAt: input.now })
      .where(sql`${contacts.email} = ${email} AND ${contacts.unsubscribedAt} IS NULL`)
      .returning({ customerId: contacts.customerId });
    if (!row) return false;
    await recordEvent(tx, {
      type: "consent.withdrawn",
      key: `${email}:${input.now.toISOString()}`,
      customerId: row.customerId,
      payload: { source: input.source },
      occurredAt: input.now,
    });
    return true;
  });
}

export async function contactOf(db: EngageDb, email: string) {
  const [row] = await db
    .select()
    .from(contacts)
    .where(eq(contacts.email, mailAddress(email)));
  return row;
}

export const canRemind = (c: { consentAt: Date | null; unsubscribedAt: Date | null } | undefined) =>
  Boolean(c?.consentAt && !c.unsubscribedAt);
