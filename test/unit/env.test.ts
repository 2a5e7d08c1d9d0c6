// The environment is checked at start; each mistake gets a message that says what to set.
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, publicOrigin } from "@/lib/env";

const base = { AUTH_SECRET: "a-secret-of-at-least-16-chars" };

/** The problems parseEnv reports for this environment (fails if it parses). */
function problems(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (err) {
    expect(err).toBeInstanceOf(EnvError);
    expect((err as EnvError).message).toMatch(/^Invalid environment:\n {2}- /);
    return (err as EnvError).problems;
  }
  throw new Error("expected parseEnv to reject the environment");
}

describe("parseEnv", () => {
  it("applies the defaults for a minimal environment", () => {
    const env = parseEnv(base);
    expect(env).toMatchObject({
      PGLITE_DIR: ".data",
      STORE_CURRENCY: "usd",
      STORE_TIMEZONE: "UTC",
      ADMIN_EMAILS: [],
      NODE_ENV: "development",
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.STRIPE_SECRET_KEY).toBeUndefined();
  });

  it("treats empty strings as unset, as .env files write them", () => {
    const env = parseEnv({ ...base, DATABASE_URL: "", STORE_CURRENCY: "", STRIPE_SECRET_KEY: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.STRIPE_SECRET_KEY).toBeUndefined();
    expect(env.STORE_CURRENCY).toBe("usd");
  });

  it("requires AUTH_SECRET and says how to make one", () => {
    const [problem, ...rest] = problems({});
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^AUTH_SECRET: /);
    expect(problem).toMatch(/openssl rand/);
  });

  it("rejects a short AUTH_SECRET", () => {
    expect(problems({ AUTH_SECRET: "short" })).toEqual([
      "AUTH_SECRET: AUTH_SECRET must be at least 16 characters (try: openssl rand -base64 32)",
    ]);
  });

  it.each(["mysql://localhost/db", "localhost:5432", "http://db.example.com"])("rejects DATABASE_URL %j", (url) => {
    expect(problems({ ...base, DATABASE_URL: url })).toEqual([
      "DATABASE_URL: DATABASE_URL must be a postgres:// URL (leave it unset for the embedded database)",
    ]);
  });

  it("accepts postgres:// and postgresql:// URLs", () => {
    expect(parseEnv({ ...base, DATABASE_URL: "postgres://u:p@localhost:5432/shop" }).DATABASE_URL).toBe(
      "postgres://u:p@localhost:5432/shop",
    );
    expect(parseEnv({ ...base, DATABASE_URL: "postgresql://localhost/shop" }).DATABASE_URL).toBe(
      "postgresql://localhost/shop",
    );
  });

  it("needs STRIPE_WEBHOOK_SECRET once STRIPE_SECRET_KEY is set", () => {
    expect(problems({ ...base, STRIPE_SECRET_KEY: "sk_test_abc123" })).toEqual([
      "STRIPE_WEBHOOK_SECRET: STRIPE_WEBHOOK_SECRET is required with STRIPE_SECRET_KEY (run `stripe listen` to get one)",
    ]);
    expect(
      parseEnv({ ...base, STRIPE_SECRET_KEY: "sk_test_abc123", STRIPE_WEBHOOK_SECRET: "whsec_abc" }),
    ).toMatchObject({
      STRIPE_SECRET_KEY: "sk_test_abc123",
      STRIPE_WEBHOOK_SECRET: "whsec_abc",
    });
  });

  it("rejects a publishable key in place of the secret key, and a malformed webhook secret", () => {
    expect(problems({ ...base, STRIPE_SECRET_KEY: "pk_test_abc", STRIPE_WEBHOOK_SECRET: "abc" })).toEqual([
      "STRIPE_SECRET_KEY: STRIPE_SECRET_KEY must be a Stripe secret key (sk_test_... or sk_live_...)",
      "STRIPE_WEBHOOK_SECRET: STRIPE_WEBHOOK_SECRET must start with whsec_ (from `stripe listen` or the Dashboard)",
    ]);
  });

  it.each(["Mars/Olympus_Mons", "Berlin", "GMT+25"])("rejects STORE_TIMEZONE %j", (tz) => {
    expect(problems({ ...base, STORE_TIMEZONE: tz })).toEqual([
      "STORE_TIMEZONE: STORE_TIMEZONE must be an IANA time zone such as Europe/Berlin",
    ]);
  });

  it("accepts an IANA time zone", () => {
    expect(parseEnv({ ...base, STORE_TIMEZONE: "Europe/Berlin" }).STORE_TIMEZONE).toBe("Europe/Berlin");
  });

  it.each(["dollars", "us", "12$", "eu r"])("rejects STORE_CURRENCY %j", (currency) => {
    expect(problems({ ...base, STORE_CURRENCY: currency })).toEqual([
      "STORE_CURRENCY: STORE_CURRENCY must be an ISO 4217 code such as usd or eur",
    ]);
  });

  it("lower-cases STORE_CURRENCY", () => {
    expect(parseEnv({ ...base, STORE_CURRENCY: "EUR" }).STORE_CURRENCY).toBe("eur");
  });

  it("rejects an ADMIN_EMAILS entry that is not an email", () => {
    const found = problems({ ...base, ADMIN_EMAILS: "owner@shop.test, not-an-email" });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^ADMIN_EMAILS\b.*: ADMIN_EMAILS must be a comma-separated list of email addresses$/);
  });

  it("splits, trims and lower-cases ADMIN_EMAILS, skipping empty entries", () => {
    expect(parseEnv({ ...base, ADMIN_EMAILS: " Owner@Shop.test ,, second@shop.test," }).ADMIN_EMAILS).toEqual([
      "owner@shop.test",
      "second@shop.test",
    ]);
  });

  it("opens the webhook's pool with its session settings unless PAYMENTS_SESSION_SETTINGS is off, and says what it takes", () => {
    expect(parseEnv(base).PAYMENTS_SESSION_SETTINGS).toBe("on");
    expect(parseEnv({ ...base, PAYMENTS_SESSION_SETTINGS: "off" }).PAYMENTS_SESSION_SETTINGS).toBe("off");
    expect(problems({ ...base, PAYMENTS_SESSION_SETTINGS: "false" })).toEqual([
      'PAYMENTS_SESSION_SETTINGS: PAYMENTS_SESSION_SETTINGS must be "on" or "off"',
    ]);
  });

  it("reads PAYMENTS_SESSION_SETTINGS from PAYMENTS_CUSTOM_PLANS, its former name, when it is unset", () => {
    expect(parseEnv({ ...base, PAYMENTS_CUSTOM_PLANS: "off" }).PAYMENTS_SESSION_SETTINGS).toBe("off");
    expect(
      parseEnv({ ...base, PAYMENTS_CUSTOM_PLANS: "off", PAYMENTS_SESSION_SETTINGS: "on" }).PAYMENTS_SESSION_SETTINGS,
    ).toBe("on");
    expect(problems({ ...base, PAYMENTS_CUSTOM_PLANS: "no" })).toEqual([
      'PAYMENTS_SESSION_SETTINGS: PAYMENTS_SESSION_SETTINGS must be "on" or "off" (read from PAYMENTS_CUSTOM_PLANS)',
    ]);
  });

  it("sizes the main pool from DATABASE_POOL_MAX (1 to 100; unset: the app's default), and says what it takes", () => {
    expect(parseEnv(base).DATABASE_POOL_MAX).toBeUndefined();
    expect(parseEnv({ ...base, DATABASE_POOL_MAX: "6" }).DATABASE_POOL_MAX).toBe(6);
    for (const bad of ["0", "101", "four", "2.5", "-1"])
      expect(problems({ ...base, DATABASE_POOL_MAX: bad })).toEqual([
        "DATABASE_POOL_MAX: DATABASE_POOL_MAX must be a whole number of connections, 1 to 100",
      ]);
  });

  it("runs Playcart's shopper-facing layer unless PLAYCART_ENGAGE is off; its cookie seam is for test payments only", () => {
    expect(parseEnv(base).PLAYCART_ENGAGE).toBe("on");
    expect(parseEnv({ ...base, PLAYCART_ENGAGE: "off" }).PLAYCART_ENGAGE).toBe("off");
    expect(parseEnv({ ...base, PLAYCART_ENGAGE: "cookie" }).PLAYCART_ENGAGE).toBe("cookie");
    expect(problems({ ...base, PLAYCART_ENGAGE: "yes" })).toEqual([
      'PLAYCART_ENGAGE: PLAYCART_ENGAGE must be "on" or "off" (or "cookie" in tests)',
    ]);
    const stripe = { STRIPE_SECRET_KEY: "sk_test_abc", STRIPE_WEBHOOK_SECRET: "whsec_abc" };
    expect(problems({ ...base, ...stripe, PLAYCART_ENGAGE: "cookie" })).toEqual([
      'PLAYCART_ENGAGE: PLAYCART_ENGAGE="cookie" is for test payments only: set it to on or off when using Stripe keys',
    ]);
  });

  it("wants both VAPID keys or neither", () => {
    expect(problems({ ...base, VAPID_PUBLIC_KEY: "pub" })).toEqual([
      "VAPID_PRIVATE_KEY: set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither",
    ]);
  });

  it("reports every problem at once, not just the first", () => {
    const found = problems({ DATABASE_URL: "mysql://x", STORE_CURRENCY: "dollars", STORE_TIMEZONE: "Nowhere/Land" });
    expect(found.map((p) => p.split(":")[0]).sort()).toEqual([
      "AUTH_SECRET",
      "DATABASE_URL",
      "STORE_CURRENCY",
      "STORE_TIMEZONE",
    ]);
  });
});

describe("ADMIN_FRAME_ANCESTORS", () => {
  const base = { AUTH_SECRET: "0123456789abcdef0123" };
  it("defaults to the store itself and takes origins", () => {
    expect(parseEnv(base).ADMIN_FRAME_ANCESTORS).toEqual(["'self'"]);
    expect(
      parseEnv({ ...base, ADMIN_FRAME_ANCESTORS: "'self' https://backoffice.example.com https://*.shop.example" })
        .ADMIN_FRAME_ANCESTORS,
    ).toEqual(["'self'", "https://backoffice.example.com", "https://*.shop.example"]);
  });
  it("refuses anything that is not a source, with a message that says what to set", () => {
    expect(() => parseEnv({ ...base, ADMIN_FRAME_ANCESTORS: "*" })).toThrow(
      /ADMIN_FRAME_ANCESTORS takes 'self', 'none' or origins/,
    );
    expect(() => parseEnv({ ...base, ADMIN_FRAME_ANCESTORS: "https://ok.example; script-src *" })).toThrow(
      /ADMIN_FRAME_ANCESTORS/,
    );
    expect(() => parseEnv({ ...base, ADMIN_FRAME_ANCESTORS: "'none' https://a.example" })).toThrow(
      /'none' cannot be combined/,
    );
  });
});

describe("PLAYCART_PUBLIC_ORIGIN", () => {
  const base = { AUTH_SECRET: "0123456789abcdef0123" };
  it("is the origin every absolute link starts with: set, else AUTH_URL's, else the demo's localhost", () => {
    expect(publicOrigin(parseEnv({ ...base, PLAYCART_PUBLIC_ORIGIN: "https://shop.example.com/" }))).toBe(
      "https://shop.example.com",
    );
    expect(publicOrigin(parseEnv({ ...base, AUTH_URL: "https://shop.example.com/api/auth" }))).toBe(
      "https://shop.example.com",
    );
    expect(publicOrigin(parseEnv({ ...base, PORT: "4180" }))).toBe("http://localhost:4180");
  });
  it("refuses a path, another scheme or a missing origin in a real store, saying what to set", () => {
    expect(() => parseEnv({ ...base, PLAYCART_PUBLIC_ORIGIN: "https://shop.example.com/store" })).toThrow(
      /PLAYCART_PUBLIC_ORIGIN must be an http\(s\) origin only/,
    );
    expect(() => parseEnv({ ...base, PLAYCART_PUBLIC_ORIGIN: "ftp://shop.example.com" })).toThrow(
      /PLAYCART_PUBLIC_ORIGIN/,
    );
    expect(() => parseEnv({ ...base, PLAYCART_PUBLIC_ORIGIN: "shop.example.com" })).toThrow(/PLAYCART_PUBLIC_ORIGIN/);
    expect(() =>
      parseEnv({ ...base, PLAYCART_PUBLIC_ORIGIN: "https://shop.example.com", AUTH_URL: "http://localhost:3000" }),
    ).toThrow(/AUTH_URL must be at PLAYCART_PUBLIC_ORIGIN \(https:\/\/shop.example.com\)/);
    expect(() =>
      parseEnv({
        ...base,
        NODE_ENV: "production",
        STRIPE_SECRET_KEY: "sk_live_abc",
        STRIPE_WEBHOOK_SECRET: "whsec_abc",
      }),
    ).toThrow(/PLAYCART_PUBLIC_ORIGIN is required in production with STRIPE_SECRET_KEY/);
  });
});
