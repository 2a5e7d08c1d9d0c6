// The checkout page's first-load JavaScript, as a browser fetches it: every script chunk the
// HTML names (script tags and the RSC payload's client references), gzipped.
import { gzipSync } from "node:zlib";

export async function checkoutFirstLoadJs(
  baseUrl: string,
  sessionId: string,
): Promise<{ gzipBytes: number; chunks: number }> {
  const res = await fetch(`${baseUrl}/checkout`, { headers: { cookie: `pc_sid=${sessionId}` } });
  if (!res.ok) throw new Error(`GET /checkout answered ${res.status}`);
  const html = await res.text();
  if (!html.includes("Order summary"))
    throw new Error("GET /checkout did not render a cart (is the session's cart empty?)");
  // Chunk paths appear as src="/_next/static/chunks/..." and, escaped, inside the flight data.
  const paths = new Set<string>();
  for (const m of html.matchAll(/\/?_next\/static\/chunks\/[A-Za-z0-9_\-./~%]+?\.js/g))
    paths.add(m[0].startsWith("/") ? m[0] : `/${m[0]}`);
  for (const m of html.matchAll(/static\/chunks\/[A-Za-z0-9_\-./~%]+?\.js/g)) paths.add(`/_next/${m[0]}`);
  let gzipBytes = 0;
  for (const p of paths) {
    const js = await fetch(`${baseUrl}${p}`);
    if (!js.ok) throw new Error(`${p} answered ${js.status}`);
    gzipBytes += gzipSync(Buffer.from(await js.arrayBuffer())).length;
  }
  return { gzipBytes, chunks: paths.size };
}
