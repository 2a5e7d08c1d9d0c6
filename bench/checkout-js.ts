// The checkout page's first-load JavaScript, as a browser fetches it: every script chunk the
// HTML names (script tags and the RSC payload's client references), gzipped.
import { gzipSync } from "node:zlib";

/** The script chunks a page's HTML names: script tags and, escaped, the flight data's client references. */
export function chunkPathsIn(html: string): string[] {
  const paths = new Set<string>();
  for (const m of html.matchAll(/\/?_next\/static\/chunks\/[A-Za-z0-9_\-./~%]+?\.js/g))
    paths.add(m[0].startsWith("/") ? m[0] : `/${m[0]}`);
  for (const m of html.matchAll(/static\/chunks\/[A-Za-z0-9_\-./~%]+?\.js/g)) paths.add(`/_next/${m[0]}`);
  return [...paths];
}

/** The checkout's HTML for a shopper's session; fails unless it shows a cart. */
export async function checkoutHtml(baseUrl: string, sessionId: string): Promise<string> {
  const res = await fetch(`${baseUrl}/checkout`, { headers: { cookie: `pc_sid=${sessionId}` } });
  if (!res.ok) throw new Error(`GET /checkout answered ${res.status}`);
  const html = await res.text();
  if (!html.includes("Order summary"))
    throw new Error("GET /checkout did not render a cart (is the session's cart empty?)");
  return html;
}

/** A script's text, fetched once per URL. */
export class ScriptCache {
  private texts = new Map<string, Promise<Buffer>>();

  body(url: string): Promise<Buffer> {
    let text = this.texts.get(url);
    if (!text) {
      text = fetch(url).then(async (res) => {
        if (!res.ok) throw new Error(`${url} answered ${res.status}`);
        return Buffer.from(await res.arrayBuffer());
      });
      this.texts.set(url, text);
    }
    return text;
  }

  async gzipBytes(urls: Iterable<string>): Promise<number> {
    let sum = 0;
    for (const url of new Set(urls)) sum += gzipSync(await this.body(url)).length;
    return sum;
  }
}
