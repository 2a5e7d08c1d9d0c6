// The store owner's Playcart campaigns for the e2e run, created through Playcart's own public
// API (saveCampaign, setCampaignStatus: what the admin's campaign editor calls), never by SQL
// into Playcart's tables: a first-order wheel (this order) and a returning shopper's tree
// (next order). Reminders use Playcart's built-in sequence (1 h, 24 h, 72 h after abandonment).
// Usage: DATABASE_URL=... node scripts/seed-playcart.mjs
import { drizzle } from "drizzle-orm/postgres-js";
import { saveCampaign, setCampaignStatus } from "playcart";
import postgres from "postgres";

const prize = (label, rewardType, rewardValue, weight, extra = {}) => ({
  label,
  weight,
  rewardType,
  rewardValue,
  costMinor: rewardType === "percent_off" ? rewardValue * 40 : rewardValue,
  ...extra,
});

const CAMPAIGNS = [
  {
    name: "Spin for up to 10% off your first order",
    slug: "first-order-wheel",
    gameType: "spin_wheel",
    placement: "checkout_first_order",
    audience: { "==": [{ var: "customer.firstPurchase" }, true] },
    allowance: { default: 1 },
    lifetimeLimit: 1,
    rewardScope: "this_order",
    rewardValidDays: 1,
    holdoutPercent: 0,
    prizes: [
      prize("10% off", "percent_off", 10, 20, { maxDiscountMinor: 2500 }),
      prize("5% off", "percent_off", 5, 50, { maxDiscountMinor: 1500 }),
      prize("€2 off", "amount_off", 200, 30),
    ],
  },
  {
    name: "Shake the tree for a reward on your next order",
    slug: "loyal-tree",
    gameType: "shake_tree",
    placement: "checkout_returning",
    audience: { ">=": [{ var: "customer.paidOrders" }, 1] },
    allowance: { default: 1 },
    rewardScope: "next_order",
    rewardValidDays: 14,
    holdoutPercent: 0,
    prizes: [
      prize("10% off your next order", "percent_off", 10, 60),
      prize("€3 off your next order", "amount_off", 300, 40),
    ],
  },
];

export async function seedPlaycart(databaseUrl) {
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const db = drizzle(client);
  const clock = { now: new Date(), timeZone: "Europe/Berlin" };
  try {
    const seeded = [];
    for (const draft of CAMPAIGNS) {
      const id = await saveCampaign(db, "minimal-store seed", null, draft, clock);
      await setCampaignStatus(db, "minimal-store seed", id, "live", clock);
      seeded.push(draft.slug);
    }
    return seeded;
  } finally {
    await client.end({ timeout: 5 });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to the store's database");
  console.log(`Playcart campaigns: ${(await seedPlaycart(url)).join(", ")}`);
}
