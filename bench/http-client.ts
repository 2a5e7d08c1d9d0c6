// A lean HTTP/1.1 client for the load generator: Node's http module with kept-alive
// connections, as many as the requests in flight (an open loop opens more when the server
// falls behind, as browsers would). It shares two cores with the server, so it does as little
// as it can: no WHATWG streams, no body parsing beyond what the bench reads.
import http from "node:http";

// An idle connection is closed after 4 s, before the server's keep-alive timeout (Node's 5 s)
// closes it under a request.
const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY, timeout: 4_000 });
const TIMEOUT_MS = 30_000;

export type HttpAnswer = { status: number; body: string };

type RequestOptions = { method?: string; headers?: Record<string, string>; body?: string };

/**
 * A kept-alive connection the server closed as idle (the bench leaves a path's connections
 * idle while the other path runs) can still be reset just as a request goes out on it. The
 * server never read that request, so it is sent again, once, on a connection of its own (other
 * idle ones may be closing too), as browsers do; Node's documentation gives the same advice.
 */
export async function request(url: string, opts: RequestOptions = {}): Promise<HttpAnswer> {
  try {
    return await requestOnce(url, opts, agent);
  } catch (err) {
    if (!(err instanceof StaleConnection)) throw err;
    return requestOnce(url, opts, false);
  }
}

class StaleConnection extends Error {}

function requestOnce(url: string, opts: RequestOptions, via: http.Agent | false): Promise<HttpAnswer> {
  // A length, as browsers send it, rather than a chunked body.
  const headers =
    opts.body === undefined
      ? opts.headers
      : { ...opts.headers, "content-length": String(Buffer.byteLength(opts.body)) };
  return new Promise((resolve, reject) => {
    let answering = false;
    const req = http.request(url, { method: opts.method ?? "GET", headers, agent: via, timeout: TIMEOUT_MS }, (res) => {
      answering = true;
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`no answer from ${url} within ${TIMEOUT_MS} ms`)));
    req.on("error", (err: NodeJS.ErrnoException) =>
      // Reset before any answer began: the server had closed the connection, unread.
      reject(req.reusedSocket && !answering && err.code === "ECONNRESET" ? new StaleConnection(err.message) : err),
    );
    req.end(opts.body);
  });
}

/** Closes the kept-alive connections, so the process can exit. */
export function closeConnections() {
  agent.destroy();
}
