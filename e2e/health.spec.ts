// The health check a monitor polls (GET /api/health) and its POST, the floor `npm run bench:play`
// weighs the play route against: both answer only while the database does, and the POST takes
// a small declared JSON body and nothing else.
import { expect, test } from "@playwright/test";

const UP = { ok: true, database: "up" };

test("GET /api/health says the database is up", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual(UP);
});

test("POST /api/health reads a small JSON body, then answers as the GET does", async ({ request }) => {
  const res = await request.post("/api/health", { data: { campaignId: "c", requestId: "r".repeat(32) } });
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual(UP);
});

test("POST /api/health refuses a body that is not JSON, too large, or of no declared length", async ({
  request,
  baseURL,
}) => {
  const notJson = await request.post("/api/health", {
    headers: { "content-type": "application/json" },
    data: Buffer.from("{not json"),
  });
  expect(notJson.status()).toBe(400);
  expect(await notJson.json()).toEqual({ error: "The body is not JSON." });

  const empty = await request.post("/api/health", {
    headers: { "content-type": "application/json" },
    data: Buffer.alloc(0),
  });
  expect(empty.status()).toBe(400);
  expect(await empty.json()).toEqual({ error: "The body is not JSON." });

  const large = await request.post("/api/health", { data: { padding: "x".repeat(2_048) } });
  expect(large.status()).toBe(413);
  expect(await large.json()).toEqual({ error: "The body is too large." });

  // A streamed body goes out chunked, with no Content-Length.
  const chunked = await fetch(`${baseURL}/api/health`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("{}"));
        controller.close();
      },
    }),
    duplex: "half",
  } as RequestInit & { duplex: "half" });
  expect(chunked.status).toBe(411);
  expect(await chunked.json()).toEqual({ error: "A health POST declares its body's length." });
});
