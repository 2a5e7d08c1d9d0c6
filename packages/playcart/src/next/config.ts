// What a host gives createPlaycart: its database, its store settings, and an adapter that
// describes its shopper, cart and order. Playcart calls the adapter; the host calls nothing
// in a particular order.
import type { AdminConfig } from "../admin-ui/index.tsx";
import type { EngageDb } from "../core/db.ts";
import type { DkimConfig } from "./email/dkim.ts";

/** Who is shopping, as the host knows them. `id` is this browser's own key (a session cookie). */
export type Shopper = {
  /** Null only where the host cannot set cookies yet (a server component) and the browser has none. */
  id: string | null;
  /** The email Playcart may assume (account, cart, last checkout); decides audiences, never unlocks rewards. */
  email: string | null;
  /** The host's account id, if signed in. */
  userRef: string | null;
  signedIn: boolean;
};

/**
 * The email adapter.shopper may answer with: known now, or a function when finding it costs the
 * host a query (a returning guest's last checkout). Playcart calls the function only where it
 * needs the email: a play whose cart already has one, the usual case at checkout, never does.
 */
export type AssumedEmail = string | null | (() => Promise<string | null> | string | null);

/** A shopper as adapter.shopper answers: its email may still be a lookup. */
export type ShopperAnswer = Omit<Shopper, "email"> & { email: AssumedEmail };

export type Line = {
  productRef: string;
  name: string;
  category: string;
  unitPriceMinor: number;
  quantity: number;
  imageUrl?: string | null;
};

export type Cart = {
  ref: string;
  email: string | null;
  lines: Line[];
  /** The delivery fee before any reward (a free-shipping reward waives it). */
  shippingMinor: number;
};

export type Order = {
  ref: string;
  email: string;
  userRef?: string | null;
  /** The shopper session that placed it (ties the payment to the games it was offered). */
  sessionRef?: string | null;
  paidAt: Date | null;
  /** The rest is for the host's own records; Playcart earns points from `totalMinor`. */
  lines?: Line[];
  subtotalMinor?: number;
  discountMinor?: number;
  shippingMinor?: number;
  totalMinor: number;
  currency: string;
};

/** Where the request comes from: a route handler's Request, or a server component's headers(). */
export type ShopperQuery = {
  request: Request | null;
  /** True where the host may set cookies (route handlers, server actions): create the browser's key if it has none. */
  create: boolean;
};

/** The fields of a Checkout Session Playcart reads to find the host's order. */
export type CheckoutSessionRef = {
  id: string;
  client_reference_id?: string | null;
  metadata: Record<string, string>;
};

export type PlaycartAdapter = {
  /** This browser's shopper; a store of guests may answer with just the browser's key (a string). */
  shopper(query: ShopperQuery): Promise<ShopperAnswer | string | null> | ShopperAnswer | string | null;
  /** The shopper's open cart. For a play, `shopper.email` is null here when shopper() answered it as a lookup. */
  cart(shopper: Shopper): Promise<Cart | null> | Cart | null;
  order(orderRef: string): Promise<Order | null> | Order | null;
  /** Default: client_reference_id, else metadata.orderRef, else metadata.order_id (both present must agree). */
  orderRefOfCheckoutSession?(session: CheckoutSessionRef): string | null;
  /** Puts a reminded cart back into this browser's cart (the reminder link). Without it the link only opens the checkout. */
  restoreCart?(shopper: Shopper, snapshot: { email: string; lines: RestoredLine[] }): Promise<void> | void;
};

export type RestoredLine = { productRef: string | null; name: string; quantity: number; unitPriceMinor: number };

export type EmailConfig = {
  /** smtp(s)://... ; absent: reminders go to `outbox` (or nowhere, logged). */
  smtpUrl?: string | null;
  /** The sender, with the store's name as display name: "Corner Roastery <shop@example.com>". */
  from: string;
  postalAddress: string;
  /** The store's name in every email; default: the display name of `from`. */
  storeName?: string;
  /** A PNG, JPEG or GIF of the store's logo (absolute, or a path on the site), shown atop every email. */
  logoUrl?: string | null;
  /** DKIM-signs every email Playcart sends; checked at start (an RSA key, the From's domain or a parent). */
  dkim?: DkimConfig | null;
};

/** Where reminders go in development, when SMTP or VAPID keys are not configured. */
export type Outbox = {
  mail?(mail: { to: string; subject: string; text: string; html: string }): Promise<void>;
  push?(push: { email: string; title: string; body: string; url: string }): Promise<void>;
};

export type PushConfig = {
  vapidPublicKey: string;
  vapidPrivateKey: string;
  /** mailto: or https: contact for push services. */
  subject: string;
};

export type PlaycartConfig = {
  db: EngageDb | (() => EngageDb | Promise<EngageDb>);
  /** Where the catch-all route is mounted. */
  basePath?: string;
  /**
   * The store's public origin (https://shop.example.com): every absolute URL Playcart makes
   * (redirects, email and push links, referral links, share texts) starts with it, never with
   * the request's own URL, which behind a proxy is the app server's address. Required when
   * NODE_ENV is production; elsewhere it defaults to http://localhost:3000.
   */
  publicOrigin?: string | null;
  /** @deprecated The same as publicOrigin. */
  siteUrl?: string | null;
  /** Signs comeback and unsubscribe links and offer tokens (keys derived per purpose). At least 16 characters. */
  secret: string;
  timeZone: string;
  currency: string;
  cronSecret?: string | null;
  stripe?: { webhookSecret?: string | null; maxBodyBytes?: number } | null;
  email?: EmailConfig | null;
  push?: PushConfig | null;
  outbox?: Outbox | null;
  now?: () => Date | Promise<Date>;
  /**
   * The host's pages the reminder links land on, the one that verifies a play's draw receipt
   * (default /fair/verify), where it mounts the full notice of financial incentive
   * (playcart/react's IncentiveNoticePage; default /loyalty-notice), and where it mounts the
   * official rules (`rules`: a campaign's rules at <rules>/<slug>, its free entry at
   * <rules>/<slug>/free-entry).
   */
  pages?: { cart?: string; checkout?: string; home?: string; verify?: string; notice?: string; rules?: string };
  /** Plays per browser per minute (per instance); the hard limits are in the database. */
  playsPerMinute?: number;
  adapter: PlaycartAdapter;
  /**
   * The owner admin (playcart/admin) on this config's database, currency, time zone and clock:
   * where the host mounts it and who may use it. `playcart.admin` is then what its page passes
   * to <PlaycartAdmin>.
   */
  admin?: PlaycartAdminOptions | null;
};

export type PlaycartAdminOptions = Omit<AdminConfig, "db" | "currency" | "timeZone" | "now">;

export type Resolved = {
  db: () => Promise<EngageDb>;
  basePath: string;
  /** The store's public origin, without a trailing slash (config.publicOrigin). */
  publicOrigin: string;
  /** @deprecated The same as publicOrigin. */
  siteUrl: string;
  linkSecret: string;
  /** Signs offer tokens: a play must carry one for the game it plays. */
  offerSecret: string;
  timeZone: string;
  currency: string;
  cronSecret: string | null;
  stripeWebhookSecret: string | null;
  stripeMaxBodyBytes: number;
  email: EmailConfig | null;
  push: PushConfig | null;
  outbox: Outbox | null;
  now: () => Promise<Date>;
  pages: { cart: string; checkout: string; home: string; verify: string; notice: string; rules: string };
  playsPerMinute: number;
  /**
   * The host's adapter, its shopper always a Shopper (a bare key read as a guest; an email
   * lookup run). `shopperAnswer` leaves the lookup for the caller to run if it needs it (a play).
   */
  adapter: Omit<PlaycartAdapter, "shopper"> & {
    shopper(query: ShopperQuery): Promise<Shopper | null>;
    shopperAnswer(query: ShopperQuery): Promise<ShopperAnswer | null>;
  };
  admin: AdminConfig | null;
};
