// FakeStripeApi: a local HTTP stand-in for api.stripe.com, for tests only (the real API is
// out of reach here). It records each request (path, headers, form body) and answers with
// a minimal object of the right shape; the Stripe library is pointed at it by STRIPE_API_BASE.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = { method: string; path: string; headers: Record<string, string>; form: URLSearchParams };

export async function startFakeStripeApi() {
  const requests: RecordedRequest[] = [];
  let counter = 0;
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const form = new URLSearchParams(body);
      requests.push({
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers as Record<string, string>,
        form,
      });
      counter++;
      res.setHeader("content-type", "application/json");
      if (req.url === "/v1/coupons") {
        res.end(
          JSON.stringify({
            id: `coupon_fake_${counter}`,
            object: "coupon",
            amount_off: Number(form.get("amount_off")),
          }),
        );
      } else if (req.url === "/v1/checkout/sessions") {
        res.end(
          JSON.stringify({
            id: `cs_test_fake_${counter}`,
            object: "checkout.session",
            url: `https://checkout.stripe.test/pay/${counter}`,
          }),
        );
      } else {
        res.statusCode = 404;
        res.end(
          JSON.stringify({ error: { type: "invalid_request_error", message: `FakeStripeApi has no ${req.url}` } }),
        );
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise<void>((r) => server.close(() => r())) };
}
