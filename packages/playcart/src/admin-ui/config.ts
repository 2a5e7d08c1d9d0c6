// What a host gives the admin: where it is mounted, its database, and who may use it.
import type { SetupFacts } from "../admin/index.ts";
import type { EngageDb } from "../core/db.ts";
import type { EmailConfig, Outbox } from "../next/index.ts";

/**
 * The host's answer to "may this request use the admin?": the acting owner's name for the audit
 * log, or why not. "notFound" refuses like "forbidden" but answers as if there were no admin
 * (a 404 page), for a host that does not reveal where its admin lives.
 */
export type AdminAccess = { actor: string } | "unauthenticated" | "forbidden" | "notFound";

/** What is being asked for: a page (path under basePath), a form action (its name) or the CSV export. */
export type AdminRequest = { kind: "page"; path: string } | { kind: "action"; action: string } | { kind: "export" };

/** Customer names live in the host's accounts; Playcart knows only emails and account refs. */
export type AdminAccounts = {
  /**
   * The account holder's name, if the customer has an account. `email` is the customer's
   * person key (personKey: lower-case, no "+tag", Gmail without dots), not necessarily the
   * spelling the account was opened with; compare with personKey / personKeySql from "playcart".
   */
  name(customer: { email: string; userRef: string | null }): Promise<string | null>;
  /** Accounts whose name matches a search (the admin also matches customers by email itself). */
  search?(query: string): Promise<{ email: string; userRef: string | null }[]>;
};

/** The store's categories and products as a condition names them: `ref` is what the host records (category slug, product ref). */
export type AdminCatalog = {
  categories: { ref: string; name: string }[];
  products: { ref: string; name: string }[];
};

export type AdminConfig = {
  /** Where the host mounts the admin's catch-all page, e.g. "/admin/playcart". */
  basePath: string;
  /** The host's Drizzle Postgres handle, or a function returning one. */
  db: EngageDb | (() => EngageDb | Promise<EngageDb>);
  /** Checked by every page, every form action and the CSV export, before anything is read. */
  authorize(request: AdminRequest): Promise<AdminAccess | null>;
  /** Where an anonymous visitor signs in (returnTo is the admin path asked for); without it they see the refusal. */
  signInUrl?(returnTo: string): string;
  /** ISO 4217 code amounts are shown and typed in (default "usd"). */
  currency?: string;
  /** The store's IANA time zone for days and schedules (default "UTC"). */
  timeZone?: string;
  /** The store's clock (default: the system clock). */
  now?(): Date | Promise<Date>;
  accounts?: AdminAccounts;
  /**
   * The store's categories and products: choices for the audience and rule builders (without it,
   * the categories Playcart has seen in orders) and the list free-product prizes are chosen from
   * (a ref not on it is refused; without it, the owner types the product's ref).
   */
  catalog?(): Promise<AdminCatalog> | AdminCatalog;
  /** The host's configuration for the first-run checklist on the admin's home (none: no checklist). */
  setup?(): SetupFacts | Promise<SetupFacts>;
  /**
   * How the store sends email (as createPlaycart's config.email): the reminder editor's "send me
   * a test" sends through it, DKIM-signed like every reminder. Without it the test goes to `outbox`.
   */
  email?: EmailConfig | null;
  outbox?: Outbox | null;
  /** The store's public origin, for the links and images of a test email. */
  siteUrl?: string | null;
};

/** A product as the admin offers it: the host's product reference (what a cart line carries) and its name. */
export type AdminProduct = { ref: string; name: string };

/** Everything a page or action of the admin works with once the request is authorised. */
export type AdminContext = {
  db: EngageDb;
  actor: string;
  basePath: string;
  currency: string;
  timeZone: string;
  now(): Promise<Date>;
  accounts: AdminAccounts | undefined;
  catalog: AdminConfig["catalog"];
  setup: AdminConfig["setup"];
  /** The store's products (null when the host lists none). */
  products(): Promise<AdminProduct[] | null>;
  email: EmailConfig | null;
  outbox: Outbox | null;
  siteUrl: string | null;
  /** An absolute path inside the admin: href("campaigns/new"). */
  href(path?: string): string;
};

export const normalizeBasePath = (basePath: string) => `/${basePath.replace(/^\/+|\/+$/g, "")}`.replace(/^\/$/, "");

export async function adminContext(config: AdminConfig, actor: string): Promise<AdminContext> {
  const basePath = normalizeBasePath(config.basePath);
  const db = typeof config.db === "function" ? await config.db() : config.db;
  return {
    db,
    actor,
    basePath,
    currency: (config.currency ?? "usd").toLowerCase(),
    timeZone: config.timeZone ?? "UTC",
    now: async () => (config.now ? await config.now() : new Date()),
    accounts: config.accounts,
    catalog: config.catalog,
    setup: config.setup?.bind(config),
    products: async () => (config.catalog ? (await config.catalog()).products : null),
    email: config.email ?? null,
    outbox: config.outbox ?? null,
    siteUrl: config.siteUrl ?? null,
    href: (path = "") => `${basePath}/${path.replace(/^\/+/, "")}`.replace(/\/$/, "") || "/",
  };
}

/** The host's answer, read defensively: anything but a named actor is a refusal. */
export async function checkAccess(
  config: AdminConfig,
  request: AdminRequest,
): Promise<{ actor: string } | { refused: "unauthenticated" | "forbidden"; hidden?: true }> {
  const access = await config.authorize(request);
  if (access === "unauthenticated") return { refused: "unauthenticated" };
  if (access === "notFound") return { refused: "forbidden", hidden: true };
  if (access && typeof access === "object" && typeof access.actor === "string" && access.actor.trim())
    return { actor: access.actor };
  return { refused: "forbidden" };
}
