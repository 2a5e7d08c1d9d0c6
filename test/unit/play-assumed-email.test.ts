// A shopper's assumed email (a returning guest's last paid email) costs the host a query: the
// adapter may answer it as a lookup, which a play runs only when neither the browser's
// remembered email nor the cart names who is playing; every other caller sees it looked up.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { mintOfferToken } from "playcart/internal/games/offer-token";
import type { Cart, ShopperAnswer } from "playcart/internal/next/config";
import { playFor } from "playcart/internal/next/play";
import { resolveConfig } from "playcart/internal/next/resolve-config";
import { createRuntime } from "playcart/internal/next/runtime";
import { playIdentity } from "playcart/internal/next/shopper";
import { customers, plays } from "playcart/schema";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { insertLiveCampaign } from "../support/live-campaign";
import { createMemoryDb } from "../support/pglite";

const cartWith = (email: string | null): Cart => ({
  ref: randomUUID(),
  email,
  lines: [{ productRef: "espresso", name: "Espresso", category: "coffee", unitPriceMinor: 1_200, quantity: 1 }],
  shippingMinor: 0,
});
const guest = (email: ShopperAnswer["email"]): ShopperAnswer => ({
  id: `browser-${randomUUID()}`,
  email,
  userRef: null,
  signedIn: false,
});

describe("playIdentity: the assumed email is looked up only when the play would use it", () => {
  it("a cart with an email: the lookup is never run, and the cart's email plays", async () => {
    const lookup = vi.fn(async () => "last-paid@example.test");
    const identity = await playIdentity(guest(lookup), cartWith("typed@example.test"));
    expect(lookup).not.toHaveBeenCalled();
    expect(identity.email).toBe("typed@example.test");
  });

  it("an email this browser gave (remembered): the lookup is never run", async () => {
    const lookup = vi.fn(async () => "last-paid@example.test");
    const identity = await playIdentity(guest(lookup), cartWith(null), "remembered@example.test");
    expect(lookup).not.toHaveBeenCalled();
    expect(identity.email).toBe("remembered@example.test");
  });

  it("neither: the lookup runs once and its email plays; a lookup that finds none plays without one", async () => {
    const lookup = vi.fn(async () => "last-paid@example.test");
    expect((await playIdentity(guest(lookup), cartWith(null))).email).toBe("last-paid@example.test");
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(
      (
        await playIdentity(
          guest(async () => null),
          null,
        )
      ).email,
    ).toBeNull();
  });

  it("an email known already (a plain string) is used as before", async () => {
    expect((await playIdentity(guest("account@example.test"), cartWith(null))).email).toBe("account@example.test");
  });
});

describe("a play through playFor and the resolved adapter", () => {
  let db: Db;
  let close: () => Promise<void>;
  let campaignId: string;
  beforeAll(async () => {
    ({ db, close } = await createMemoryDb());
    const { campaign } = await insertLiveCampaign(db, { allowance: { default: 5 } }, [{ label: "Try again" }]);
    campaignId = campaign.id;
    // PGlite's first start with every migration is slow on a busy machine.
  }, 180_000);
  afterAll(async () => {
    await close?.();
  });

  const runtimeWith = (answer: ShopperAnswer, cart: Cart) =>
    createRuntime(
      resolveConfig({
        db: () => db,
        secret: "unit-test-secret-unit-test-secret",
        timeZone: "UTC",
        currency: "usd",
        adapter: { shopper: () => answer, cart: () => cart, order: () => null },
      }),
    );
  const playAs = async (answer: ShopperAnswer, cart: Cart) => {
    const rt = runtimeWith(answer, cart);
    const token = mintOfferToken(rt.cfg.offerSecret, {
      campaignId,
      placement: "checkout",
      holder: { id: answer.id, userRef: null },
      now: new Date(),
    });
    const outcome = await playFor(rt, answer, { campaignId, requestId: randomUUID().replace(/-/g, ""), token });
    return { rt, outcome };
  };
  const playerEmail = async (sessionRef: string) => {
    const [row] = await db
      .select({ email: customers.email })
      .from(plays)
      .leftJoin(customers, eq(customers.id, plays.customerId))
      .where(eq(plays.sessionRef, sessionRef));
    return row?.email ?? null;
  };

  it("a play whose cart has an email plays as that email and never runs the lookup", async () => {
    const lookup = vi.fn(async () => "last-paid@example.test");
    const shopper = guest(lookup);
    const { outcome } = await playAs(shopper, cartWith("typed@example.test"));
    expect(outcome.status).toBe("ok");
    expect(lookup).not.toHaveBeenCalled();
    expect(await playerEmail(shopper.id!)).toBe("typed@example.test");
  });

  it("a play whose cart has none plays as the looked-up email", async () => {
    const lookup = vi.fn(async () => "last-paid@example.test");
    const shopper = guest(lookup);
    const { outcome } = await playAs(shopper, cartWith(null));
    expect(outcome.status).toBe("ok");
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(await playerEmail(shopper.id!)).toBe("last-paid@example.test");
  });

  it("every other caller of adapter.shopper gets the email looked up", async () => {
    const shopper = guest(async () => "last-paid@example.test");
    const rt = runtimeWith(shopper, cartWith(null));
    expect(await rt.cfg.adapter.shopper({ request: null, create: false })).toEqual({
      ...shopper,
      email: "last-paid@example.test",
    });
    expect((await rt.cfg.adapter.shopperAnswer({ request: null, create: false }))?.email).toBe(shopper.email);
  });
});
