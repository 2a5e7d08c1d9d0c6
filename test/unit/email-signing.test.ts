// Issue 13 (email) on PGlite with a real SMTP server: a reminder sent by the demo's reminder
// job and a sign-in link, both DKIM-signed from the environment and verified with mailauth
// (the public key given to its resolver, no DNS); the reminder names the store, shows its logo
// and the cart in PNG, says what the comeback game can win (and nothing sold out), and uses
// the owner's words.
import { readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { updateReminderWords } from "playcart";
import { runReminderJob } from "playcart/internal/next/reminder-job";
import { resolveConfig } from "playcart/internal/next/resolve-config";
import { prizes } from "playcart/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { seedReminders } from "@/db/seed-reminders";
import { type Mailbox, startMailServer } from "../../e2e/support/smtp";
import { dkimKeys, verifyDkim } from "../support/dkim";
import { createMemoryDb } from "../support/pglite";
import { abandonAt, cartAt, espresso, minutes, mug } from "../support/reminders";

const keys = dkimKeys();
const DNS = { name: "pc2026._domainkey.harbour.test", record: keys.record };
const ORIGIN = "https://shop.example.test";
Object.assign(process.env, {
  AUTH_SECRET: process.env.AUTH_SECRET ?? "unit-secret-unit-secret-unit-secret",
  MAIL_FROM: "Harbour Beans <shop@harbour.test>",
  STORE_LOGO_URL: "/email/logo.png",
  DKIM_DOMAIN: "harbour.test",
  DKIM_SELECTOR: "pc2026",
  // As a one-line .env value: "\n" for each line break.
  DKIM_PRIVATE_KEY: keys.privateKeyPem.replaceAll("\n", "\\n"),
  AUTH_URL: ORIGIN,
});
delete process.env.DKIM_PRIVATE_KEY_FILE;

let db: Db;
let close: () => Promise<void>;
let mailbox: Mailbox;

beforeAll(async () => {
  ({ db, close } = await createMemoryDb());
  mailbox = await startMailServer({ port: 0 });
  // Read by env() on first use, after this: the app sends to this server.
  process.env.SMTP_URL = `smtp://127.0.0.1:${mailbox.port}`;
  (globalThis as { __playcartDb?: unknown }).__playcartDb = Promise.resolve({ db, close, kind: "pglite" });
  await seedReminders(db);
});
afterAll(async () => {
  await mailbox?.close();
  await close?.();
});

// Wednesday 25 March 2026, 10:00 in Berlin: the shopper's last change to the cart.
const T0 = new Date("2026-03-25T09:00:00Z");

async function sendFirstReminder(email: string) {
  const { playcartConfig } = await import("@/lib/playcart");
  const { emailImage } = await import("@/lib/store/email-image");
  const items = [espresso, mug].map((i) => ({ ...i, imageUrl: emailImage(i.imageUrl) }));
  await cartAt(db, T0, { email, items });
  expect(await abandonAt(db, minutes(T0, 61))).toBe(1);
  const report = await runReminderJob(resolveConfig(playcartConfig()), { now: minutes(T0, 122) });
  expect(report.sent).toBe(1);
  return mailbox.waitForMail(email, undefined, 5_000);
}

describe("email an owner can stand behind", () => {
  it("a reminder is DKIM-signed, names the store with its logo, shows the cart in PNG and the prizes it honours", async () => {
    // The croissant is sold out: the email must not promise it.
    await db.update(prizes).set({ inventory: 0 }).where(eq(prizes.label, "A free butter croissant"));
    const mail = await sendFirstReminder("dkim-reminder@example.test");

    const [signature] = await verifyDkim(mail.raw, DNS);
    expect(signature.status.result).toBe("pass");
    expect(signature.signingDomain).toBe("harbour.test");
    expect(signature.status.aligned).toBe("harbour.test");
    // RFC 8058: both unsubscribe headers under the signature, or no one-click.
    const header = /^DKIM-Signature:(.*(?:\r?\n[ \t].*)*)/im.exec(mail.raw)![1].replace(/\s+/g, "");
    const signed = /;h=([^;]+);/.exec(header)![1].toLowerCase().split(":");
    expect(signed).toEqual(expect.arrayContaining(["from", "subject", "list-unsubscribe", "list-unsubscribe-post"]));
    expect(mail.headers["list-unsubscribe"]).toMatch(
      /^<https:\/\/shop\.example\.test\/api\/playcart\/unsubscribe\/[\w.-]+>$/,
    );

    expect(mail.headers.from).toBe("Harbour Beans <shop@harbour.test>");
    expect(mail.text.split(/\r?\n/)[0]).toBe("Harbour Beans");
    expect(mail.html).toContain('src="https://shop.example.test/email/logo.png"');
    expect(mail.html).toContain('alt="Harbour Beans"');

    const images = [...mail.html.matchAll(/<img[^>]+src="([^"]+)"/g)].map((m) => m[1]);
    expect(images).toEqual([
      "https://shop.example.test/email/logo.png",
      "https://shop.example.test/products/email/house-espresso.png",
      "https://shop.example.test/products/email/stoneware-mug.png",
    ]);
    for (const src of images.slice(1)) {
      const file = readFileSync(path.join("public", new URL(src).pathname));
      expect(file.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a"); // a PNG, not an SVG renamed
    }

    const prizeLine =
      "Play Scratch to reveal your comeback reward when you come back: you could win 10% off this order or $2 off this order.";
    expect(mail.text).toContain(prizeLine);
    expect(mail.html).toContain(prizeLine);
    expect(mail.text).not.toContain("croissant");
    expect(mail.html).toContain("Return to your cart and play");
  });

  it("the owner's words, with the store's name for {store}, are the next reminder's", async () => {
    await updateReminderWords(db, "admin@playcart.test", {
      subject: "{store} kept your cart",
      heading: "Still deciding?",
      body: ["Your beans are waiting at {store}.", "Reply if we can help."],
    });
    const mail = await sendFirstReminder("dkim-words@example.test");
    expect(mail.subject).toBe("Harbour Beans kept your cart");
    expect(mail.text.replace(/\r\n/g, "\n")).toContain(
      "Still deciding?\n\nYour beans are waiting at Harbour Beans.\nReply if we can help.",
    );
    expect((await verifyDkim(mail.raw, DNS))[0].status.result).toBe("pass");
  });

  it("the sign-in link is DKIM-signed and in the store's own name", async () => {
    const { sendSignInLink } = await import("@/lib/email/sign-in-link");
    await sendSignInLink("signin@example.test", `${ORIGIN}/api/auth/callback/email?token=abc`);
    const mail = await mailbox.waitForMail("signin@example.test", undefined, 5_000);
    expect(mail.subject).toBe("Your sign-in link for Harbour Beans");
    expect(mail.text).toContain("Sign in to Harbour Beans:");
    expect(mail.text).not.toContain("Playcart");
    const [signature] = await verifyDkim(mail.raw, DNS);
    expect(signature.status.result).toBe("pass");
    expect(signature.signingDomain).toBe("harbour.test");
  });

  it("a signature made with another key fails", async () => {
    const mail = mailbox.messages.find((m) => m.to.includes("signin@example.test"))!;
    const other = { ...DNS, record: dkimKeys().record };
    expect((await verifyDkim(mail.raw, other))[0].status.result).toBe("fail");
  });
});
