// A shopper without a browser: an HTTP client with a cookie jar of its own that uses the store
// as a browser with JavaScript off does. It posts the add-to-cart form the product page renders
// (React's progressive enhancement: the server action runs and the page comes back) and reads
// the offers, with their tokens, from the checkout's HTML. A browser per shopper costs seconds
// of CPU (rendering, hydration, the games' chunks); a spec that needs a crowd at checkout
// prepares it this way and keeps the browser for what it looks at.
import { type APIRequestContext, expect, type PlaywrightWorkerArgs, test } from "@playwright/test";

/** The name/value pairs of the inputs of the form holding `button` (its visible text), as the page renders them. */
export function formFields(html: string, button: string): Record<string, string> {
  const form = html.match(/<form[\s\S]*?<\/form>/g)?.find((f) => f.includes(`>${button}</button>`));
  if (!form) throw new Error(`No form with a "${button}" button on the page`);
  const fields: Record<string, string> = {};
  for (const [input] of form.matchAll(/<input\b[^>]*>/g)) {
    const name = attribute(input, "name");
    if (name !== null) fields[name] = attribute(input, "value") ?? "";
  }
  return fields;
}

function attribute(tag: string, name: string): string | null {
  const value = new RegExp(`\\s${name.replace(/\$/g, "\\$")}="([^"]*)"`).exec(tag)?.[1];
  if (value === undefined) return null;
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

const addToCartForms = new Map<string, Promise<Record<string, string>>>();

/** The product page's add-to-cart form fields, as its HTML renders them (read once per product). */
function addToCartForm(request: APIRequestContext, slug: string): Promise<Record<string, string>> {
  let form = addToCartForms.get(slug);
  if (!form) {
    form = (async () => {
      const page = await request.get(`/products/${slug}`);
      expect(page.status()).toBe(200);
      return formFields(await page.text(), "Add to cart");
    })();
    addToCartForms.set(slug, form);
  }
  return form;
}

export class HttpShopper {
  private constructor(
    readonly request: APIRequestContext,
    private readonly origin: string,
  ) {}

  /** A new shopper; `clock` pins the store's clock for them, as setStoreClock does for a browser. */
  static async create(playwright: PlaywrightWorkerArgs["playwright"], opts: { clock?: string } = {}) {
    const origin = test.info().project.use.baseURL ?? "http://127.0.0.1:3100";
    const { hostname } = new URL(origin);
    const cookies = opts.clock
      ? [
          {
            name: "pc_test_clock",
            value: opts.clock,
            domain: hostname,
            path: "/",
            expires: -1,
            httpOnly: false,
            secure: false,
            sameSite: "Lax" as const,
          },
        ]
      : [];
    // A connection per request: a kept-alive one, idle while the rest of a crowd is prepared,
    // can be closed by the server (its keep-alive timeout) just as the next request goes out,
    // which then fails with ECONNRESET where a browser would quietly resend it.
    const request = await playwright.request.newContext({
      baseURL: origin,
      storageState: { cookies, origins: [] },
      extraHTTPHeaders: { connection: "close" },
    });
    return new HttpShopper(request, origin);
  }

  /**
   * Submits the product page's add-to-cart form; the page that comes back says it was added.
   * The form is read from the page once per product: it is the same for every shopper (the
   * action, its key and the product), and a crowd need not render the page a hundred times.
   */
  async addProduct(slug: string, quantity = 1) {
    const form = await addToCartForm(this.request, slug);
    const fields = { ...form, quantity: String(quantity) };
    const added = await this.request.post(`/products/${slug}`, { multipart: fields, headers: { origin: this.origin } });
    expect(added.status()).toBe(200);
    expect(await added.text()).toContain("Added to your cart.");
  }

  /** The checkout page's HTML. */
  async checkout(): Promise<string> {
    const res = await this.request.get("/checkout");
    expect(res.status()).toBe(200);
    return res.text();
  }

  async dispose() {
    await this.request.dispose();
  }
}
