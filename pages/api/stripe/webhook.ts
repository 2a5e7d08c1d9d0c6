// POST /api/stripe/webhook, mounted as a Pages API route rather than an App Router route
// handler. This endpoint answers every payment, and on two cores the App Router's request
// machinery (a web Request with a streamed body, an AbortSignal, async context per promise)
// cost more CPU than verifying and fulfilling the payment itself; the Pages API route hands
// over Node's own request, whose raw body is read directly. Hosts on the App Router can mount
// receiveStripeWebhook in a route handler instead (README, "Add Playcart to your store").
import type { NextApiRequest, NextApiResponse } from "next";
import { MAX_WEBHOOK_BODY_BYTES, receiveStripeWebhook } from "@/lib/stripe/webhook-endpoint";

// The signature covers the exact bytes Stripe sent: Next must not parse the body.
export const config = { api: { bodyParser: false } };

export default async function stripeWebhook(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== "POST") {
    res.setHeader("Allow", "POST");
    return send(res, 405, { error: "method not allowed" });
  }
  // Too large: answered without reading the rest (or any of it, when Content-Length says so).
  // The connection is closed: a client reusing it after a body left unread gets it reset
  // under its next request.
  const tooLarge = () => {
    res.setHeader("Connection", "close");
    send(res, 413, { error: "payload too large" });
  };
  if (Number(req.headers["content-length"] ?? 0) > MAX_WEBHOOK_BODY_BYTES) return tooLarge();
  const raw = await readBody(req);
  if (raw === null) return tooLarge();
  const signature = req.headers["stripe-signature"];
  const reply = await receiveStripeWebhook(raw, typeof signature === "string" ? signature : null);
  send(res, reply.status, reply.body);
}

function send(res: NextApiResponse, status: number, body: object) {
  res.statusCode = status;
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify(body));
}

/** The raw body as UTF-8, or null past the size limit (the rest is not read). */
async function readBody(req: NextApiRequest): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > MAX_WEBHOOK_BODY_BYTES) return null;
    chunks.push(buf);
  }
  return Buffer.concat(chunks, size).toString("utf8");
}
