// Web push: web-push encrypts the payload (aes128gcm) for a subscription whose keys this
// test holds, posts it to a local push endpoint, and the test decrypts it. TTL is set; a 410
// from the push service deletes the subscription.
process.env.AUTH_SECRET ??= "unit-secret-unit-secret-unit-secret";

import { execFileSync } from "node:child_process";
import { createECDH, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import type { IncomingHttpHeaders } from "node:http";
import { Agent, createServer, type Server } from "node:https";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import ece from "http_ece";
import { dispatchReminders, savePushSubscription } from "playcart";
import { PUSH_TTL_SECONDS, pushSender } from "playcart/internal/next/push/send";
import { pushSubscriptions } from "playcart/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import webpush from "web-push";
import type { Db } from "@/db/client";
import { type Mailbox, startMailServer } from "../../e2e/support/smtp";
import { createMemoryDb } from "../support/pglite";
import { demoReminderSender } from "../support/reminder-sender";
import { abandonAt, cartAt, minutes, remindersOf, TZ } from "../support/reminders";

let db: Db;
let close: () => Promise<void>;
let mailbox: Mailbox;
let server: Server;
let base = "";
let agent: Agent;
const received: { path: string; headers: IncomingHttpHeaders; body: Buffer }[] = [];

beforeAll(async () => {
  ({ db, close } = await createMemoryDb());
  mailbox = await startMailServer({ port: 0 });
  // A push service over TLS (web-push only speaks https), with a certificate made for this run.
  const dir = mkdtempSync(path.join(tmpdir(), "push-"));
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
      "-keyout",
      path.join(dir, "key.pem"),
      "-out",
      path.join(dir, "cert.pem"),
    ],
    { stdio: "ignore" },
  );
  const cert = readFileSync(path.join(dir, "cert.pem"));
  agent = new Agent({ ca: cert });
  // /gone/... answers 410 (the browser unsubscribed), anything else 201.
  server = createServer({ cert, key: readFileSync(path.join(dir, "key.pem")) }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks) });
      res.statusCode = req.url?.startsWith("/gone/") ? 410 : 201;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  base = `https://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await mailbox?.close();
  await close?.();
});

/** A browser's push subscription: its ECDH key pair and auth secret stay with the test. */
function browserKeys() {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return { ecdh, auth, keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: auth.toString("base64url") } };
}

describe("web push reminders", () => {
  it("sends an encrypted payload the browser can decrypt, with a TTL; a 410 deletes the subscription", async () => {
    const T0 = new Date("2026-03-25T09:00:00Z");
    const { email, cartRef } = await cartAt(db, T0);
    const live = browserKeys();
    const gone = browserKeys();
    // Stored directly, as the subscribe route would after validation.
    await db.insert(pushSubscriptions).values([
      { email, endpoint: `${base}/live/1`, ...live.keys },
      { email, endpoint: `${base}/gone/1`, ...gone.keys },
    ]);
    await expect(
      savePushSubscription(db, email, { endpoint: `http://127.0.0.1/x`, keys: live.keys }),
    ).rejects.toThrow();

    await abandonAt(db, minutes(T0, 61));
    const vapid = { ...webpush.generateVAPIDKeys(), subject: "mailto:store@playcart.test" };
    const now = minutes(T0, 122);
    const mailer = demoReminderSender(db, {
      origin: "https://shop.example.test",
      smtpUrl: `smtp://127.0.0.1:${mailbox.port}`,
      now: () => now,
    });
    const report = await dispatchReminders(
      db,
      {
        email: mailer,
        push: pushSender(vapid, (m) => `https://shop.example.test/comeback/token-${m.reminderId}`, { agent }),
      },
      { now, timeZone: TZ },
    ).finally(() => mailer.close());
    expect(report).toMatchObject({ sent: 1 });
    const [step1] = await remindersOf(db, cartRef);
    expect(step1.channels).toEqual(["email", "push"]);

    const delivered = received.find((r) => r.path === "/live/1")!;
    expect(delivered.headers.ttl).toBe(String(PUSH_TTL_SECONDS));
    expect(delivered.headers["content-encoding"]).toBe("aes128gcm");
    expect(delivered.headers.authorization).toMatch(/^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=[\w-]+$/);
    const plain = ece.decrypt(delivered.body, {
      version: "aes128gcm",
      privateKey: live.ecdh,
      authSecret: live.auth.toString("base64url"),
    });
    expect(JSON.parse(plain.toString("utf8"))).toEqual({
      title: "Your cart is waiting",
      body: "3 items saved for you. A comeback game is waiting at checkout.",
      url: `https://shop.example.test/comeback/token-${step1.id}`,
    });
    // Someone without the browser's keys cannot read it.
    expect(() =>
      ece.decrypt(delivered.body, {
        version: "aes128gcm",
        privateKey: gone.ecdh,
        authSecret: gone.auth.toString("base64url"),
      }),
    ).toThrow();

    expect(received.some((r) => r.path === "/gone/1")).toBe(true);
    const left = await db
      .select({ endpoint: pushSubscriptions.endpoint })
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.email, email));
    expect(left).toEqual([{ endpoint: `${base}/live/1` }]);
  });
});
