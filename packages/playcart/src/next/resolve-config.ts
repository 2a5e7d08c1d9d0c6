// Checks the host's config once, at createPlaycart, with messages that say what to set.
import { createHash } from "node:crypto";
import type { EngageDb } from "../core/db.ts";
import { offerSecretOf } from "../games/index.ts";
import type { EmailConfig, PlaycartConfig, Resolved, Shopper, ShopperAnswer } from "./config.ts";
import { dkimSigning } from "./email/dkim.ts";

export class PlaycartConfigError extends Error {
  constructor(message: string) {
    super(`playcart/next: ${message}`);
    this.name = "PlaycartConfigError";
  }
}

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** Links are signed with a key derived for this one purpose, never the host's secret itself. */
export const linkSecretOf = (secret: string) =>
  createHash("sha256").update(`playcart-reminder-links:${secret}`).digest("base64url");

/** A bare key is a guest: no email or account until the host knows them. */
const asShopper = (shopper: ShopperAnswer | string | null): ShopperAnswer | null =>
  typeof shopper === "string"
    ? shopper
      ? { id: shopper, email: null, userRef: null, signedIn: false }
      : null
    : shopper;

/** The shopper with their email looked up, if the host answered with a lookup. */
export async function withEmail(shopper: ShopperAnswer | null): Promise<Shopper | null> {
  if (!shopper || typeof shopper.email !== "function") return shopper as Shopper | null;
  return { ...shopper, email: (await shopper.email()) ?? null };
}

function resolveEmail(email: EmailConfig): EmailConfig {
  if (email.logoUrl && !/\.(png|jpe?g|gif)$/i.test(new URL(email.logoUrl, "https://x.invalid").pathname))
    throw new PlaycartConfigError("config.email.logoUrl must be a PNG, JPEG or GIF (email clients show no SVG)");
  const dkim = email.dkim
    ? dkimSigning(email.dkim, email.from, (p) => new PlaycartConfigError(`config.email.dkim: ${p.join("; ")}`))
    : null;
  return { ...email, dkim };
}

const DEV_ORIGIN = "http://localhost:3000";

/** The configured public origin, checked: an http(s) origin, required in production. */
export function resolvePublicOrigin(value: string | null | undefined, production = isProduction()): string {
  if (!value) {
    if (production)
      throw new PlaycartConfigError(
        "config.publicOrigin is required in production: the store's public origin, e.g. https://shop.example.com (every absolute link Playcart makes starts with it)",
      );
    return DEV_ORIGIN;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new PlaycartConfigError(
      `config.publicOrigin "${value}" is not an absolute URL such as https://shop.example.com`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new PlaycartConfigError(`config.publicOrigin "${value}" must be an http or https origin`);
  if (url.pathname !== "/" || url.search || url.hash)
    throw new PlaycartConfigError(
      `config.publicOrigin "${value}" must be an origin only (scheme, host and port), e.g. ${url.origin}`,
    );
  return url.origin;
}

const isProduction = () => process.env.NODE_ENV === "production";

export function resolveConfig(config: PlaycartConfig): Resolved {
  if (!config || typeof config !== "object") throw new PlaycartConfigError("createPlaycart needs a config object");
  if (!config.adapter || typeof config.adapter.shopper !== "function" || typeof config.adapter.cart !== "function")
    throw new PlaycartConfigError("config.adapter needs shopper(query) and cart(shopper) functions");
  if (typeof config.adapter.order !== "function")
    throw new PlaycartConfigError("config.adapter needs order(orderRef) (points are earned from the host's order)");
  if (typeof config.secret !== "string" || config.secret.length < 16)
    throw new PlaycartConfigError("config.secret must be a string of at least 16 characters (it signs email links)");
  if (typeof config.timeZone !== "string" || !isTimeZone(config.timeZone))
    throw new PlaycartConfigError(`config.timeZone "${config.timeZone}" is not an IANA time zone`);
  if (!/^[a-z]{3}$/i.test(config.currency ?? ""))
    throw new PlaycartConfigError("config.currency must be a three-letter code, e.g. eur");
  const maxBodyBytes = config.stripe?.maxBodyBytes;
  if (maxBodyBytes !== undefined && !(Number.isSafeInteger(maxBodyBytes) && maxBodyBytes > 0))
    throw new PlaycartConfigError("config.stripe.maxBodyBytes must be a whole number of bytes above 0");
  if (
    config.playsPerMinute !== undefined &&
    !(Number.isSafeInteger(config.playsPerMinute) && config.playsPerMinute > 0)
  )
    throw new PlaycartConfigError("config.playsPerMinute must be a whole number above 0");
  const basePath = (config.basePath ?? "/api/playcart").replace(/\/+$/, "");
  if (!basePath.startsWith("/")) throw new PlaycartConfigError("config.basePath must start with /");
  const publicOrigin = resolvePublicOrigin(config.publicOrigin ?? config.siteUrl);
  if (config.push && (!config.push.vapidPublicKey || !config.push.vapidPrivateKey || !config.push.subject))
    throw new PlaycartConfigError("config.push needs vapidPublicKey, vapidPrivateKey and subject (or leave push out)");
  if (config.email && (!config.email.from || !config.email.postalAddress))
    throw new PlaycartConfigError("config.email needs from and postalAddress (marketing email must carry both)");
  const email = config.email ? resolveEmail(config.email) : null;

  if (config.admin && (typeof config.admin.basePath !== "string" || typeof config.admin.authorize !== "function"))
    throw new PlaycartConfigError(
      "config.admin needs basePath (where its page is mounted) and authorize() (or leave admin out)",
    );

  const source = config.db;
  const db = async (): Promise<EngageDb> => (typeof source === "function" ? await source() : source);
  const clock = config.now;
  return {
    db,
    basePath,
    publicOrigin,
    siteUrl: publicOrigin,
    linkSecret: linkSecretOf(config.secret),
    offerSecret: offerSecretOf(config.secret),
    timeZone: config.timeZone,
    currency: config.currency.toLowerCase(),
    cronSecret: config.cronSecret || null,
    stripeWebhookSecret: config.stripe?.webhookSecret || null,
    stripeMaxBodyBytes: config.stripe?.maxBodyBytes ?? 512 * 1024,
    email,
    push: config.push ?? null,
    outbox: config.outbox ?? null,
    now: async () => (clock ? await clock() : new Date()),
    pages: {
      cart: "/cart",
      checkout: "/checkout",
      home: "/",
      verify: "/fair/verify",
      notice: "/loyalty-notice",
      rules: "/rules",
      ...config.pages,
    },
    playsPerMinute: config.playsPerMinute ?? 20,
    adapter: {
      ...config.adapter,
      shopper: async (query) => withEmail(asShopper(await config.adapter.shopper(query))),
      shopperAnswer: async (query) => asShopper(await config.adapter.shopper(query)),
    },
    admin: config.admin
      ? {
          ...config.admin,
          db,
          email,
          outbox: config.outbox ?? null,
          siteUrl: publicOrigin,
          currency: config.currency.toLowerCase(),
          timeZone: config.timeZone,
          now: async () => (clock ? await clock() : new Date()),
        }
      : null,
  };
}
