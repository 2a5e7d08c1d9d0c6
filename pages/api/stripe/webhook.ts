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

// How much of a body over the limit is read (and dropped) so that its sender can read the 413.
const MAX_DRAINED_BYTES = 2 * 1024 * 1024;

export default async function stripeWebhook(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== "POST") {
    res.setHeader("Allow", "POST");
    return send(res, 405, { error: "method not allowed" });
  }
  // Too large: nothing past the limit is kept. The rest of the body is read and dropped before
  // the 413 (up to MAX_DRAINED_BYTES more), so that a client still sending it reads the answer
  // instead of a connection reset under its last writes. A body that declares more than that,
  // or keeps coming past it, is answered at once and its connection closed.
  const tooLarge = async (declared: number) => {
    const drained = declared <= MAX_WEBHOOK_BODY_BYTES + MAX_DRAINED_BYTES && (await drain(req));
    if (!drained) res.setHeader("Connection", "close");
    send(res, 413, { error: "payload too large" });
  };
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MAX_WEBHOOK_BODY_BYTES) return tooLarge(declared);
  const raw = await readBody(req);
  if (raw === null) return tooLarge(declared);
  const signature = req.headers["stripe-signature"];
  const reply = await receiveStripeWebhook(raw, typeof signature === "string" ? signature : null);
  send(res, reply.status, reply.body);
}

function send(res: NextApiResponse, status: number, body: object) {
  res.statusCode = status;
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify(body));
}

/** Reads and drops what is left of the body; false if more than MAX_DRAINED_BYTES were left. */
async function drain(req: NextApiRequest): Promise<boolean> {
  let size = 0;
  for await (const chunk of chunksOf(req)) {
    size += (chunk as Buffer | string).length;
    if (size > MAX_DRAINED_BYTES) return false;
  }
  return true;
}

/**
 * The body's chunks. Stopping early must leave the request open: a plain `for await` destroys
 * it on `return`, and with it the socket the answer is to be written to.
 */
const chunksOf = (req: NextApiRequest) => req.iterator({ destroyOnReturn: false });

/** The raw body as UTF-8, or null past the size limit (the rest is left unread). */
async function readBody(req: NextApiRequest): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunksOf(req)) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > MAX_WEBHOOK_BODY_BYTES) return null;
    chunks.push(buf);
  }
  return Buffer.concat(chunks, size).toString("utf8");
}
