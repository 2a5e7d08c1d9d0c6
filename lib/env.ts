// The environment, validated once. Every variable is optional for the demo; a malformed
// one stops the app with a message that says what to set.
import { z } from "zod";

const emailList = z
  .string()
  .transform((s) =>
    s
      .split(",")
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(z.array(z.email({ message: "ADMIN_EMAILS must be a comma-separated list of email addresses" })));

const timeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: "STORE_TIMEZONE must be an IANA time zone such as Europe/Berlin" },
);

// CSP frame-ancestors sources: 'self', 'none', or origins (a leading *. for subdomains).
const frameSource = /^('self'|'none'|https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?)$/i;
const frameAncestors = z
  .string()
  .transform((s) => s.trim().split(/\s+/).filter(Boolean))
  .pipe(
    z
      .array(
        z
          .string()
          .regex(
            frameSource,
            "ADMIN_FRAME_ANCESTORS takes 'self', 'none' or origins such as https://backoffice.example.com, separated by spaces",
          ),
      )
      .min(1)
      .refine(
        (list) => !list.includes("'none'") || list.length === 1,
        "ADMIN_FRAME_ANCESTORS: 'none' cannot be combined with other sources",
      ),
  );

const isOriginOnly = (value: string) => {
  try {
    const u = new URL(value);
    return /^https?:$/.test(u.protocol) && u.pathname === "/" && !u.search && !u.hash;
  } catch {
    return false;
  }
};

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL (leave it unset for the embedded database)")
      .optional(),
    PGLITE_DIR: z.string().min(1).default(".data"),
    STRIPE_SECRET_KEY: z
      .string()
      .regex(/^(sk|rk)_(test|live)_\w+$/, "STRIPE_SECRET_KEY must be a Stripe secret key (sk_test_... or sk_live_...)")
      .optional(),
    STRIPE_WEBHOOK_SECRET: z
      .string()
      .regex(/^whsec_\w+$/, "STRIPE_WEBHOOK_SECRET must start with whsec_ (from `stripe listen` or the Dashboard)")
      .optional(),
    // Playcart's own Stripe endpoint (/api/playcart/stripe), for a second webhook endpoint in
    // Stripe's dashboard. The demo's own webhook already tells Playcart about payments.
    PLAYCART_STRIPE_WEBHOOK_SECRET: z
      .string()
      .regex(/^whsec_\w+$/, "PLAYCART_STRIPE_WEBHOOK_SECRET must start with whsec_")
      .optional(),
    // Test seam: a local stand-in for api.stripe.com. Never set it in production.
    STRIPE_API_BASE: z.url({ message: "STRIPE_API_BASE must be a URL such as http://127.0.0.1:12111" }).optional(),
    AUTH_SECRET: z
      .string({
        message:
          "AUTH_SECRET is required: set it to a random string (openssl rand -base64 32); `npm run demo` writes one to .env.local",
      })
      .min(16, "AUTH_SECRET must be at least 16 characters (try: openssl rand -base64 32)"),
    ADMIN_EMAILS: emailList.default([]),
    // The store's public origin: every absolute link (referral links, emails, og:image, push)
    // starts with it, never with the request's own URL (behind a proxy, the app server's).
    PLAYCART_PUBLIC_ORIGIN: z
      .url({ message: "PLAYCART_PUBLIC_ORIGIN must be the store's public origin, e.g. https://shop.example.com" })
      .refine(
        isOriginOnly,
        "PLAYCART_PUBLIC_ORIGIN must be an http(s) origin only (no path), e.g. https://shop.example.com",
      )
      .transform((u) => new URL(u).origin)
      .optional(),
    AUTH_URL: z.url({ message: "AUTH_URL must be the store's public URL, e.g. https://shop.example.com" }).optional(),
    PORT: z
      .string()
      .regex(/^\d{1,5}$/, "PORT must be a port number")
      .default("3000"),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "SMTP_URL must look like smtp://user:pass@host:587")
      .optional(),
    // The store's name in every email is this sender's display name (the one place it is set).
    MAIL_FROM: z
      .string()
      .regex(
        /^\s*"?[^"<]*[^\s"<][^"<]*"?\s*<[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+>\s*$/,
        "MAIL_FROM must name the store and its address, such as Corner Roastery <shop@example.com> (the name is the store's name in every email)",
      )
      .default("Corner Roastery <store@playcart.test>"),
    // A raster logo atop every email (email clients show no SVG): an https URL or a path on the site.
    STORE_LOGO_URL: z
      .string()
      .regex(
        /^(https?:\/\/[^\s]+|\/[^\s]*)\.(png|jpe?g|gif)$/i,
        "STORE_LOGO_URL must be a PNG, JPEG or GIF: an https:// URL or a path such as /logo.png",
      )
      .optional(),
    // DKIM signing of every email (lib/email/mail-config.ts checks the key against MAIL_FROM).
    DKIM_DOMAIN: z.string().optional(),
    DKIM_SELECTOR: z.string().optional(),
    DKIM_PRIVATE_KEY: z.string().optional(),
    DKIM_PRIVATE_KEY_FILE: z.string().optional(),
    // Printed in the footer of every marketing email (CAN-SPAM and similar laws require it).
    STORE_POSTAL_ADDRESS: z.string().min(5).max(200).default("12 Harbour Street, Portsmouth PO1 2AB, United Kingdom"),
    CRON_SECRET: z.string().min(16, "CRON_SECRET must be at least 16 characters").optional(),
    STORE_TIMEZONE: timeZone.default("UTC"),
    STORE_CURRENCY: z
      .string()
      .regex(/^[A-Za-z]{3}$/, "STORE_CURRENCY must be an ISO 4217 code such as usd or eur")
      .transform((c) => c.toLowerCase())
      .default("usd"),
    // Test seam: pins Playcart's clock (schedules, store days) for end-to-end tests.
    PLAYCART_TEST_CLOCK: z
      .union([z.literal("cookie"), z.iso.datetime({ offset: true })], {
        message: 'PLAYCART_TEST_CLOCK must be an ISO instant such as 2026-11-21T10:00:00Z, or "cookie"',
      })
      .optional(),
    PLAYCART_SELF_SCHEDULE: z
      .enum(["0", "1", "events"], {
        message:
          "PLAYCART_SELF_SCHEDULE must be 1 (the server runs its scheduled routes itself), events (the rules engine's sweep only) or 0",
      })
      .optional(),
    // Who may frame /admin (the store's own back office): a CSP frame-ancestors list.
    ADMIN_FRAME_ANCESTORS: frameAncestors.default(["'self'"]),
    VAPID_PUBLIC_KEY: z.string().optional(),
    VAPID_PRIVATE_KEY: z.string().optional(),
    // "off" runs the store without Playcart's shopper-facing layer (no game offered, none of its
    // code sent): the baseline `npm run bench:checkout` weighs the checkout against. "cookie" is
    // a test seam (lib/store/engage.ts).
    PLAYCART_ENGAGE: z
      .enum(["on", "off", "cookie"], { message: 'PLAYCART_ENGAGE must be "on" or "off" (or "cookie" in tests)' })
      .default("on"),
    // "off" behind a pooler that refuses startup parameters (PgBouncer without
    // ignore_startup_parameters): the webhook's pool then sends no session settings
    // (db/client.ts) and keeps Postgres's defaults. Read from PAYMENTS_CUSTOM_PLANS, its
    // former name, when unset.
    PAYMENTS_SESSION_SETTINGS: z
      .enum(["on", "off"], { message: 'PAYMENTS_SESSION_SETTINGS must be "on" or "off"' })
      .default("on"),
    // Connections of the app's main pool per instance (the webhook's pool adds PAYMENTS_POOL_MAX).
    DATABASE_POOL_MAX: z
      .string()
      .regex(/^\d{1,3}$/, "DATABASE_POOL_MAX must be a whole number of connections, 1 to 100")
      .transform(Number)
      .refine((n) => n >= 1 && n <= 100, "DATABASE_POOL_MAX must be a whole number of connections, 1 to 100")
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["STRIPE_WEBHOOK_SECRET"],
        message: "STRIPE_WEBHOOK_SECRET is required with STRIPE_SECRET_KEY (run `stripe listen` to get one)",
      });
    }
    if (env.PLAYCART_TEST_CLOCK && env.STRIPE_SECRET_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["PLAYCART_TEST_CLOCK"],
        message: "PLAYCART_TEST_CLOCK is for test payments only: unset it when using Stripe keys",
      });
    }
    if (env.PLAYCART_ENGAGE === "cookie" && env.STRIPE_SECRET_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["PLAYCART_ENGAGE"],
        message: 'PLAYCART_ENGAGE="cookie" is for test payments only: set it to on or off when using Stripe keys',
      });
    }
    const dkimSet = [env.DKIM_DOMAIN, env.DKIM_SELECTOR, env.DKIM_PRIVATE_KEY ?? env.DKIM_PRIVATE_KEY_FILE].filter(
      Boolean,
    ).length;
    if (dkimSet !== 0 && dkimSet !== 3) {
      ctx.addIssue({
        code: "custom",
        path: ["DKIM_DOMAIN"],
        message: "set DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY (or DKIM_PRIVATE_KEY_FILE) together, or none",
      });
    }
    if (env.DKIM_PRIVATE_KEY && env.DKIM_PRIVATE_KEY_FILE) {
      ctx.addIssue({
        code: "custom",
        path: ["DKIM_PRIVATE_KEY_FILE"],
        message: "set DKIM_PRIVATE_KEY or DKIM_PRIVATE_KEY_FILE, not both",
      });
    }
    // A store in production with real payments must say where it lives; the demo (test
    // payments) defaults to localhost.
    if (env.NODE_ENV === "production" && env.STRIPE_SECRET_KEY && !env.PLAYCART_PUBLIC_ORIGIN && !env.AUTH_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["PLAYCART_PUBLIC_ORIGIN"],
        message:
          "PLAYCART_PUBLIC_ORIGIN is required in production with STRIPE_SECRET_KEY: set it to the store's public origin, e.g. https://shop.example.com",
      });
    }
    // Sign-in links (Auth.js reads AUTH_URL) and Playcart's links must name the same store.
    if (
      env.PLAYCART_PUBLIC_ORIGIN &&
      env.AUTH_URL &&
      URL.canParse(env.AUTH_URL) &&
      new URL(env.AUTH_URL).origin !== env.PLAYCART_PUBLIC_ORIGIN
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_URL"],
        message: `AUTH_URL must be at PLAYCART_PUBLIC_ORIGIN (${env.PLAYCART_PUBLIC_ORIGIN}): sign-in links and the store's other links name one origin`,
      });
    }
    if (Boolean(env.VAPID_PUBLIC_KEY) !== Boolean(env.VAPID_PRIVATE_KEY)) {
      ctx.addIssue({
        code: "custom",
        path: ["VAPID_PRIVATE_KEY"],
        message: "set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither",
      });
    }
  });

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty string means "unset", as in most .env files.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  // A deployment set up before the rename keeps its setting, and a mistake in it is named.
  const formerName = cleaned.PAYMENTS_SESSION_SETTINGS === undefined && cleaned.PAYMENTS_CUSTOM_PLANS !== undefined;
  cleaned.PAYMENTS_SESSION_SETTINGS ??= cleaned.PAYMENTS_CUSTOM_PLANS;
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((i) => {
        const path = i.path.join(".") || "env";
        const from = formerName && path === "PAYMENTS_SESSION_SETTINGS" ? " (read from PAYMENTS_CUSTOM_PLANS)" : "";
        return `${path}: ${i.message}${from}`;
      }),
    );
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The store's public origin: PLAYCART_PUBLIC_ORIGIN, else AUTH_URL's, else the demo's localhost. */
export const publicOrigin = (e: Env = env()): string =>
  e.PLAYCART_PUBLIC_ORIGIN ?? (e.AUTH_URL ? new URL(e.AUTH_URL).origin : `http://localhost:${e.PORT}`);

export const paymentsMode = () => (env().STRIPE_SECRET_KEY ? "stripe" : "test");

/** The store set this variable itself rather than leaving it at its default (the admin's setup checklist). */
export const isSetByStore = (name: keyof Env) => Boolean(process.env[name]?.trim());
