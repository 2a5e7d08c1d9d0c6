// Issue 4 acceptance on PGlite with a real SMTP server (smtp-server): the exact message,
// schedule times under a fake clock, a purchase stops the rest (also between claim and send),
// a POST unsubscribe stops the rest and a GET does not, retries, consent and the 24 h limit.
process.env.AUTH_SECRET ??= "unit-secret-unit-secret-unit-secret";

import { eq } from "drizzle-orm";
import {
  claimDueReminders,
  dispatchReminders,
  readRestoreToken,
  recordRecoveries,
  recordReminderClick,
  sendClaimed,
} from "playcart";
import { recordFirstPayment } from "playcart/internal/ledger/first-payment";
import { contacts, reminders, rewards } from "playcart/schema";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { type Mailbox, startMailServer } from "../../e2e/support/smtp";
import { createMemoryDb } from "../support/pglite";
import { demoReminderSender, reminderLinkSecret } from "../support/reminder-sender";
import { abandonAt, cartAt, cartRow, eventsOfType, minutes, remindersOf, TZ, WORDING } from "../support/reminders";

let db: Db;
let close: () => Promise<void>;
let mailbox: Mailbox;
const ORIGIN = "https://shop.example.test";

beforeAll(async () => {
  ({ db, close } = await createMemoryDb());
  mailbox = await startMailServer({ port: 0 });
  // The route handlers read the app's database handle: give them this one.
  (globalThis as { __playcartDb?: unknown }).__playcartDb = Promise.resolve({ db, close, kind: "pglite" });
});
afterAll(async () => {
  await mailbox?.close();
  await close?.();
});
beforeEach(() => mailbox.clear());

const openSenders: { close: () => Promise<void> }[] = [];
afterAll(async () => {
  for (const s of openSenders) await s.close();
});
function senders(now: Date, smtpPort = mailbox.port) {
  const email = demoReminderSender(db, { origin: ORIGIN, smtpUrl: `smtp://127.0.0.1:${smtpPort}`, now: () => now });
  openSenders.push(email);
  return { email };
}
async function dispatchAt(now: Date, smtpPort?: number) {
  const s = senders(now, smtpPort);
  try {
    return await dispatchReminders(db, s, { now, timeZone: TZ });
  } finally {
    await s.email.close();
  }
}
const mailsTo = (email: string) => mailbox.messages.filter((m) => m.to.includes(email));
/** The cart's order paid by the first-payment path, at the payment's own clock. */
const payCart = (cartRef: string, email: string, amountPaidMinor: number, paidAt: Date) =>
  recordFirstPayment(db, { orderRef: `order-${cartRef}`, email, amountPaidMinor, currency: "usd", paidAt });

// Wednesday 25 March 2026, 10:00 in Berlin: the shopper's last change to the cart.
const T0 = new Date("2026-03-25T09:00:00Z");

describe("reminder email over SMTP", () => {
  it("sends the exact message: unsubscribe headers, HTML with the items and images, text part, restore link", async () => {
    const { email, cartRef } = await cartAt(db, T0);
    expect(await abandonAt(db, minutes(T0, 59))).toBe(0);
    expect(await abandonAt(db, minutes(T0, 61))).toBe(1);
    expect((await cartRow(db, cartRef)).status).toBe("abandoned");
    const scheduled = await remindersOf(db, cartRef);
    expect(scheduled.map((r) => [r.step, r.dueAt.toISOString(), r.discountPercent, r.status])).toEqual([
      [1, "2026-03-25T11:01:00.000Z", null, "scheduled"],
      [2, "2026-03-26T10:01:00.000Z", null, "scheduled"],
      [3, "2026-03-28T10:01:00.000Z", 10, "scheduled"],
    ]);
    const [abandoned] = (await eventsOfType(db, "cart.abandoned")).filter(
      (e) => e.payload.items === 2 && e.valueMinor === 4700,
    );
    expect(abandoned).toBeDefined();

    expect(await dispatchAt(minutes(T0, 120))).toMatchObject({ claimed: 0, sent: 0 }); // not yet due
    const sendAt = minutes(T0, 122);
    expect(await dispatchAt(sendAt)).toMatchObject({ claimed: 1, sent: 1 });
    const mail = await mailbox.waitForMail(email, undefined, 5_000);

    const restore = /https:\/\/shop\.example\.test\/api\/playcart\/comeback\/[A-Za-z0-9_.-]+/.exec(mail.text)![0];
    const unsubscribe = /https:\/\/shop\.example\.test\/api\/playcart\/unsubscribe\/[A-Za-z0-9_.-]+/.exec(
      mail.text,
    )![0];
    expect(readRestoreToken(reminderLinkSecret(), restore.split("/comeback/")[1], sendAt)).toEqual({
      reminderId: scheduled[0].id,
      cartRef,
    });
    expect(mail.subject).toBe("You left something in your cart");
    expect(mail.from).toBe("store@playcart.test");
    // Only the https one-click address: no mailbox reads a mailto: one.
    expect(mail.headers["list-unsubscribe"]).toBe(`<${unsubscribe}>`);
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail.text.replace(/\r\n/g, "\n").trimEnd()).toBe(
      [
        "Corner Roastery",
        "",
        "Your cart is waiting",
        "",
        "We kept everything you picked. Come back whenever you are ready.",
        "",
        "2 x House Espresso  $29.00",
        "1 x Stoneware Mug  $18.00",
        "Total $47.00",
        "",
        `Return to your cart: ${restore}`,
        "",
        "--",
        "You get this email because you agreed to hear from Corner Roastery at checkout.",
        `Unsubscribe: ${unsubscribe}`,
        "Corner Roastery · 12 Harbour Street, Portsmouth PO1 2AB, United Kingdom",
      ].join("\n"),
    );
    expect(mail.html).toMatch(/^<!DOCTYPE html/);
    expect(mail.html).toMatch(/<html[^>]*lang="en"/);
    // SVG images are left out: Gmail and Outlook do not show them (the demo sends PNGs).
    expect(mail.html).not.toContain(".svg");
    expect(mail.html).toContain(">2 × House Espresso</p>");
    expect(mail.html).toContain(">1 × Stoneware Mug</p>");
    expect(mail.html).toContain(">Total $47.00</p>");
    expect(mail.html).toContain("Return to your cart");
    expect(mail.html).toContain(`href="${restore}"`);
    expect(mail.html).toContain(`href="${unsubscribe}"`);
    expect(mail.html).toContain(">Corner Roastery · 12 Harbour Street, Portsmouth PO1 2AB, United Kingdom</p>");

    const [step1] = await remindersOf(db, cartRef);
    expect(step1).toMatchObject({ status: "sent", channels: ["email"], attempts: 1 });
    const sent = (await eventsOfType(db, "reminder.sent")).filter((e) => e.payload.reminderId === step1.id);
    expect(sent.map((e) => [e.payload.channel, e.payload.step, e.campaignId])).toEqual([["email", 1, null]]);
  });

  it("a purchase stops the rest of the sequence", async () => {
    const { email, cartRef } = await cartAt(db, T0);
    await abandonAt(db, minutes(T0, 61));
    await dispatchAt(minutes(T0, 122));
    expect(mailsTo(email)).toHaveLength(1);
    await payCart(cartRef, email, 4700, minutes(T0, 130));
    await dispatchAt(minutes(T0, 60 * 27)); // step 2 due
    await dispatchAt(minutes(T0, 60 * 74)); // step 3 due
    expect(mailsTo(email)).toHaveLength(1);
    expect((await remindersOf(db, cartRef)).map((r) => [r.status, r.outcome])).toEqual([
      ["sent", "sent"],
      ["cancelled", "purchased"],
      ["cancelled", "purchased"],
    ]);
  });

  it("a purchase between claim and send stops the send", async () => {
    const { email, cartRef } = await cartAt(db, T0);
    await abandonAt(db, minutes(T0, 61));
    const now = minutes(T0, 122);
    const { claimed } = await claimDueReminders(db, { now, timeZone: TZ });
    const mine = claimed.filter((c) => c.cartRef === cartRef);
    expect(mine).toHaveLength(1);
    expect((await remindersOf(db, cartRef))[0].status).toBe("sending");
    await payCart(cartRef, email, 4700, now);
    const report = await sendClaimed(db, mine, senders(now), { now });
    expect(report).toMatchObject({ sent: 0, stopped: 1 });
    expect(mailsTo(email)).toHaveLength(0);
    expect((await remindersOf(db, cartRef))[0]).toMatchObject({ status: "cancelled", outcome: "purchased" });
    // The contact's 24-hour slot was given back: nothing went out.
    const [contact] = await db.select().from(contacts).where(eq(contacts.email, email));
    expect(contact.lastReminderAt).toBeNull();
  });

  it("a GET on the unsubscribe link changes nothing; the one-click POST stops the rest", async () => {
    const { GET, POST } = await import("@/app/api/playcart/[...playcart]/route");
    const { email, cartRef } = await cartAt(db, T0);
    await abandonAt(db, minutes(T0, 61));
    await dispatchAt(minutes(T0, 122));
    const mail = await mailbox.waitForMail(email, undefined, 5_000);
    const url = /<(https:[^>]+)>/.exec(mail.headers["list-unsubscribe"])![1];
    const token = url.split("/unsubscribe/")[1];
    expect(token).toBeTruthy();

    const page = await GET(new Request(url));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Unsubscribe from cart reminders?");
    expect(html).toContain('<form method="post">');
    expect((await db.select().from(contacts).where(eq(contacts.email, email)))[0].unsubscribedAt).toBeNull();
    await dispatchAt(minutes(T0, 60 * 27));
    expect(mailsTo(email)).toHaveLength(2); // the GET stopped nothing: step 2 went out

    const res = await POST(
      new Request(url, {
        method: "POST",
        body: "List-Unsubscribe=One-Click",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ unsubscribed: true });
    await dispatchAt(minutes(T0, 60 * 74));
    expect(mailsTo(email)).toHaveLength(2);
    expect((await remindersOf(db, cartRef)).map((r) => r.status)).toEqual(["sent", "sent", "cancelled"]);
    expect(
      (await eventsOfType(db, "consent.withdrawn")).some((e) => e.payload.source === "list_unsubscribe_post"),
    ).toBe(true);

    const forged = await POST(new Request(`${url.slice(0, -2)}xx`, { method: "POST" }), {});
    expect(forged.status).toBe(400);
  });

  it("sends nothing without consent", async () => {
    const { email, cartRef } = await cartAt(db, T0, { consent: false });
    await abandonAt(db, minutes(T0, 61));
    expect((await cartRow(db, cartRef)).status).toBe("abandoned");
    expect(await remindersOf(db, cartRef)).toEqual([]);
    await dispatchAt(minutes(T0, 122));
    expect(mailsTo(email)).toHaveLength(0);
  });

  it("sends at most one reminder per contact per 24 h, and nothing in quiet hours", async () => {
    const email = `twice-${Date.now()}@example.test`;
    const a = await cartAt(db, T0, { email });
    const b = await cartAt(db, minutes(T0, 5), { email });
    await abandonAt(db, minutes(T0, 70));
    // 22:30 in Berlin: quiet hours, nothing claimed.
    expect(await dispatchAt(new Date("2026-03-25T21:30:00Z"))).toMatchObject({ claimed: 0 });
    const now = minutes(T0, 140);
    await dispatchAt(now);
    expect(mailsTo(email)).toHaveLength(1);
    const [ra, rb] = [(await remindersOf(db, a.cartRef))[0], (await remindersOf(db, b.cartRef))[0]];
    expect([ra.status, rb.status].sort()).toEqual(["scheduled", "sent"]);
    const held = ra.status === "scheduled" ? ra : rb;
    expect(held.dueAt.toISOString()).toBe(new Date(now.getTime() + 24 * 3_600_000).toISOString());
  });

  it("records a click and an order within 7 days of it as recovered, with its revenue and campaign", async () => {
    const { email, cartRef } = await cartAt(db, T0);
    await abandonAt(db, minutes(T0, 61));
    await dispatchAt(minutes(T0, 122));
    const [step1] = await remindersOf(db, cartRef);
    expect(
      await recordReminderClick(db, { reminderId: step1.id, cartRef: "someone-else", sessionRef: "x", now: T0 }),
    ).toBeNull();
    const clickedAt = minutes(T0, 130);
    const clicked = await recordReminderClick(db, {
      reminderId: step1.id,
      cartRef,
      sessionRef: "browser-2",
      now: clickedAt,
    });
    expect(clicked?.cart.items.map((i) => i.name)).toEqual(["House Espresso", "Stoneware Mug"]);
    // Paid six days later: inside the 7-day window.
    const paidAt = minutes(clickedAt, 6 * 24 * 60);
    await payCart(cartRef, email, 4230, paidAt);
    expect(await recordRecoveries(db, { orderRef: `order-${cartRef}`, now: paidAt })).toBe(1);
    expect(await recordRecoveries(db, { orderRef: `order-${cartRef}`, now: paidAt })).toBe(0);
    const recovered = (await eventsOfType(db, "order.recovered")).filter((e) => e.orderRef === `order-${cartRef}`);
    expect(recovered.map((e) => [e.valueMinor, e.campaignId])).toEqual([[4230, null]]);
    expect((await remindersOf(db, cartRef)).map((r) => r.status)).toEqual(["sent", "cancelled", "cancelled"]);
  });

  it("a click on the last step issues its discount once, as a this-order reward for the clicking browser", async () => {
    const { cartRef } = await cartAt(db, T0);
    await abandonAt(db, minutes(T0, 61));
    const step3 = (await remindersOf(db, cartRef))[2];
    expect(step3.discountPercent).toBe(10);
    const step1 = (await remindersOf(db, cartRef))[0];
    await recordReminderClick(db, { reminderId: step1.id, cartRef, sessionRef: "browser-3", now: T0 });
    await recordReminderClick(db, { reminderId: step3.id, cartRef, sessionRef: "browser-3", now: T0 });
    await recordReminderClick(db, { reminderId: step3.id, cartRef, sessionRef: "browser-3", now: T0 });
    const issued = await db.select().from(rewards).where(eq(rewards.sessionRef, "browser-3"));
    expect(issued.map((r) => [r.label, r.rewardType, r.rewardValue, r.scope, r.status])).toEqual([
      ["10% off: welcome back", "percent_off", 10, "this_order", "issued"],
    ]);
    expect(issued[0].expiresAt.toISOString()).toBe(new Date(T0.getTime() + 7 * 86_400_000).toISOString());
  });

  it("does not count an order paid more than 7 days after the click, by the clocks of the click and the payment", async () => {
    const { email, cartRef } = await cartAt(db, T0);
    await abandonAt(db, minutes(T0, 61));
    await dispatchAt(minutes(T0, 122));
    const [step1] = await remindersOf(db, cartRef);
    const clickedAt = minutes(T0, 130);
    await recordReminderClick(db, { reminderId: step1.id, cartRef, sessionRef: "browser-late", now: clickedAt });
    const paidAt = minutes(clickedAt, 7 * 24 * 60 + 1);
    await payCart(cartRef, email, 4700, paidAt);
    expect(await recordRecoveries(db, { orderRef: `order-${cartRef}`, now: paidAt })).toBe(0);
  });

  it("does not count an order without a click as recovered", async () => {
    const { email, cartRef } = await cartAt(db, T0);
    await abandonAt(db, minutes(T0, 61));
    const paidAt = minutes(T0, 130);
    await payCart(cartRef, email, 4700, paidAt);
    expect(await recordRecoveries(db, { orderRef: `order-${cartRef}`, now: paidAt })).toBe(0);
  });
});

it("keeps reminders in the dev outbox when no SMTP server is configured", async () => {
  const { outboxMessages } = await import("@/db/schema");
  const { email } = await cartAt(db, T0);
  await abandonAt(db, minutes(T0, 61));
  const now = minutes(T0, 122);
  await dispatchReminders(
    db,
    { email: demoReminderSender(db, { origin: ORIGIN, smtpUrl: null, now: () => now }) },
    { now, timeZone: TZ },
  );
  const kept = await db.select().from(outboxMessages).where(eq(outboxMessages.to, email));
  expect(kept.map((m) => m.subject)).toEqual(["You left something in your cart"]);
  expect(kept[0].text).toContain(`${ORIGIN}/api/playcart/comeback/`);
});

describe("SMTP failures", () => {
  let flaky: SMTPServer;
  let port = 0;
  let replies: Record<string, number[]> = {};
  const received: string[] = [];

  beforeAll(async () => {
    flaky = new SMTPServer({
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onRcptTo(address, _s, cb) {
        const code = replies[address.address]?.shift();
        if (!code) return cb();
        const err = Object.assign(new Error(code >= 500 ? "mailbox unavailable" : "try again later"), {
          responseCode: code,
        });
        cb(err);
      },
      onData(stream, session, cb) {
        stream.resume();
        stream.on("end", () => {
          received.push(...session.envelope.rcptTo.map((r) => r.address));
          cb();
        });
      },
    });
    await new Promise<void>((r) => flaky.listen(0, "127.0.0.1", () => r()));
    port = (flaky.server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((r) => flaky.close(() => r())));

  it("retries a transient failure (4xx) with backoff, then sends", async () => {
    const { email, cartRef } = await cartAt(db, T0);
    replies = { [email]: [451] };
    await abandonAt(db, minutes(T0, 61));
    const first = minutes(T0, 122);
    expect(await dispatchAt(first, port)).toMatchObject({ claimed: 1, retried: 1, sent: 0 });
    const [r] = await remindersOf(db, cartRef);
    expect(r.status).toBe("scheduled");
    expect(r.attempts).toBe(1);
    expect(r.outcome).toMatch(/^retry: smtp 451/);
    const delay = r.dueAt.getTime() - first.getTime();
    expect(delay).toBeGreaterThanOrEqual(48_000);
    expect(delay).toBeLessThanOrEqual(72_000);
    expect((await db.select().from(contacts).where(eq(contacts.email, email)))[0].lastReminderAt).toBeNull();
    expect(await dispatchAt(new Date(r.dueAt.getTime() + 1000), port)).toMatchObject({ sent: 1 });
    expect(received.filter((a) => a === email)).toHaveLength(1);
    expect((await remindersOf(db, cartRef))[0]).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("stops a reminder on a permanent failure (5xx) without retrying", async () => {
    const { email, cartRef } = await cartAt(db, T0);
    replies = { [email]: [550] };
    await abandonAt(db, minutes(T0, 61));
    expect(await dispatchAt(minutes(T0, 122), port)).toMatchObject({ failed: 1, sent: 0 });
    const [r] = await remindersOf(db, cartRef);
    expect(r.status).toBe("failed");
    expect(r.outcome).toMatch(/^smtp 550/);
    await dispatchAt(minutes(T0, 180), port);
    expect(received.filter((a) => a === email)).toHaveLength(0);
    expect((await db.select().from(reminders).where(eq(reminders.id, r.id)))[0].attempts).toBe(1);
  });
});

// Keep WORDING referenced: the consent stored is the wording shown.
it("stores consent with its time, wording and source", async () => {
  const { email } = await cartAt(db, T0);
  const [c] = await db.select().from(contacts).where(eq(contacts.email, email));
  expect(c).toMatchObject({ consentWording: WORDING, consentSource: "checkout_form", unsubscribedAt: null });
  expect(c.consentAt?.toISOString()).toBe(new Date(T0.getTime() - 1000).toISOString());
  const given = (await eventsOfType(db, "consent.given")).filter((e) => e.customerId === c.customerId);
  expect(given.map((e) => e.payload)).toEqual([{ wording: WORDING, source: "checkout_form" }]);
});
