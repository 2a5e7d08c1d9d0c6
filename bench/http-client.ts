// A lean HTTP/1.1 client for the load generator: Node's http module with kept-alive
// connections, as many as the requests in flight (an open loop opens more when the server
// falls behind, as browsers would). It shares two cores with the server, so it does as little
// as it can: no WHATWG streams, no body parsing beyond what the bench reads.
import http from "node:http";

const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
const TIMEOUT_MS = 30_000;

export type HttpAnswer = { status: number; body: string };

export function request(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<HttpAnswer> {
  // A length, as browsers send it, rather than a chunked body.
  const headers =
    opts.body === undefined
      ? opts.headers
      : { ...opts.headers, "content-length": String(Buffer.byteLength(opts.body)) };
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? "GET", headers, agent, timeout: TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`no answer from ${url} within ${TIMEOUT_MS} ms`)));
    req.on("error", reject);
    req.end(opts.body);
  });
}

/** Closes the kept-alive connections, so the process can exit. */
export function closeConnections() {
  agent.destroy();
}
