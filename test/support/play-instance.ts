// One app instance for the multi-instance play test: its own Postgres pool and Playcart's
// handlers over plain HTTP (no Next.js build), in a child process of its own. Run as
//   node --import tsx test/support/play-instance.ts
// with DATABASE_URL, PLAYCART_SECRET, PLAYCART_NOW and POOL_MAX in the environment. It prints
// "listening <port>" once it serves. A browser is its x-test-shopper header here, with a cart of two lines.
import http from "node:http";
import { drizzle } from "drizzle-orm/postgres-js";
import { createPlaycart } from "playcart/next";
import postgres from "postgres";

const client = postgres(process.env.DATABASE_URL!, { max: Number(process.env.POOL_MAX ?? 20), onnotice: () => {} });
const now = new Date(process.env.PLAYCART_NOW!);
const playcart = createPlaycart({
  db: drizzle(client),
  secret: process.env.PLAYCART_SECRET!,
  // The instances run with NODE_ENV=production, where the store's public origin is required.
  publicOrigin: "https://shop.example.test",
  timeZone: "Europe/Berlin",
  currency: "usd",
  now: () => now,
  playsPerMinute: 1_000,
  adapter: {
    shopper: ({ request }) => request?.headers.get("x-test-shopper") ?? null,
    cart: (s) => ({
      ref: `cart-${s.id}`,
      // Each shopper known by email: the first-order game plays without its email step.
      email: `${s.id}@example.test`,
      shippingMinor: 0,
      lines: [{ productRef: "beans", name: "Beans", category: "coffee", unitPriceMinor: 2_500, quantity: 2 }],
    }),
    order: () => null,
  },
});

const server = http.createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  const request = new Request(`http://127.0.0.1${req.url}`, {
    method: req.method,
    headers,
    body: req.method === "POST" ? Buffer.concat(chunks) : undefined,
  });
  const response = await (req.method === "POST" ? playcart.handlers.POST(request) : playcart.handlers.GET(request));
  res.writeHead(response.status, { "content-type": response.headers.get("content-type") ?? "application/json" });
  res.end(Buffer.from(await response.arrayBuffer()));
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(`listening ${typeof address === "object" && address ? address.port : 0}`);
});
process.on("SIGTERM", () => {
  server.close();
  void client.end({ timeout: 1 }).then(() => process.exit(0));
});
