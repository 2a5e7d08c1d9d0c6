import { z } from "zod";
import { currencyExponent, MARKET_WORDINGS, updateSettings } from "../../index.ts";
import { adminAction, jsonField } from "./define.ts";

const tierRow = z.object({
  name: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]*$/, "Use a lower-case key such as gold"),
  label: z.string().trim().min(1, "Give the tier a name").max(40),
  minSpend: z.coerce.number({ message: "Enter an amount" }).min(0, "A threshold cannot be negative").max(10_000_000),
  // Optional so a client posting only thresholds keeps each tier's multipliers (updateSettings).
  earnMultiplier: z.coerce
    .number({ message: "Enter a multiplier" })
    .min(1, "A multiplier is at least 1")
    .max(10, "At most 10x")
    .optional(),
  playMultiplier: z.coerce
    .number({ message: "Enter a multiplier" })
    .min(1, "A multiplier is at least 1")
    .max(10, "At most 10x")
    .optional(),
});

const loyaltyInput = z.object({
  earnRate: z.coerce
    .number({ message: "Enter a number" })
    .positive("The earn rate must be above 0")
    .max(100, "At most 100 points per unit"),
  tierWindowDays: z.coerce
    .number({ message: "Enter a number of days" })
    .int("Whole days")
    .min(1, "At least 1 day")
    .max(3650, "At most 3650 days"),
  // The form posts tiers as JSON rows (a variable-length list).
  tiers: jsonField("tiers").pipe(z.array(tierRow).min(1, "Keep at least one tier").max(10, "At most 10 tiers")),
});

/** Earn rate, tier thresholds and the trailing window tiers are measured over. */
export const saveLoyaltySettingsAction = adminAction(loyaltyInput, async (input, ctx) => {
  // Thresholds are typed in currency units; the store's currency (not the form) says how many minor units make one.
  const scale = 10 ** currencyExponent(ctx.currency);
  await updateSettings(
    ctx.db,
    ctx.actor,
    {
      earnRate: input.earnRate,
      tierWindowDays: input.tierWindowDays,
      tiers: input.tiers.map((t) => ({
        name: t.name,
        label: t.label,
        minSpendMinor: Math.round(t.minSpend * scale),
        ...(t.earnMultiplier === undefined ? {} : { earnMultiplier: t.earnMultiplier }),
        ...(t.playMultiplier === undefined ? {} : { playMultiplier: t.playMultiplier }),
      })),
    },
    await ctx.now(),
  );
  return { status: "ok", message: "Settings saved." };
});

const storeTermsInput = z.object({
  sponsorName: z.string().trim().min(2, "Give the sponsor's legal name").max(120, "Keep it under 120 characters"),
  sponsorAddress: z.string().trim().min(5, "Give the sponsor's address").max(300, "Keep it under 300 characters"),
  minAge: z
    .string()
    .trim()
    .transform((v, ctx) => {
      if (v === "") return null;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 13 || n > 25) {
        ctx.addIssue({ code: "custom", message: "A whole number of years from 13 to 25, or empty" });
        return z.NEVER;
      }
      return n;
    }),
  territories: z.string().trim().max(200, "Keep it under 200 characters"),
  wording: z.enum(MARKET_WORDINGS, { message: "Choose a wording" }),
});

/** The sponsor, eligibility and wording every campaign's official rules state (a new rules version where they change). */
export const saveStoreTermsAction = adminAction(storeTermsInput, async (input, ctx) => {
  await updateSettings(ctx.db, ctx.actor, { storeTerms: input }, await ctx.now());
  return { status: "ok", message: "Saved. Every game's rules now state these terms." };
});

const pointsInput = z.object({
  pointsExpiryDays: z.coerce
    .number({ message: "Enter a number of days" })
    .int("Whole days")
    .min(0, "0 (never) or more")
    .max(3650, "At most 3650 days"),
  returnWindowDays: z.coerce
    .number({ message: "Enter a number of days" })
    .int("Whole days")
    .min(0, "0 (available at once) or more")
    .max(365, "At most 365 days"),
  expiryReminderDays: z.coerce
    .number({ message: "Enter a number of days" })
    .int("Whole days")
    .min(1, "At least 1 day")
    .max(365, "At most 365 days"),
  // Typed in currency units per point (0.01 = a cent a point).
  pointValue: z.coerce
    .number({ message: "Enter an amount" })
    .min(0, "A value cannot be negative")
    .max(100, "At most 100 per point"),
});

/** Points in lots: expiry, the return window (pending points), reminders and the value of a point. */
export const savePointsSettingsAction = adminAction(pointsInput, async (input, ctx) => {
  const scale = 10 ** currencyExponent(ctx.currency);
  await updateSettings(
    ctx.db,
    ctx.actor,
    {
      pointsExpiryDays: input.pointsExpiryDays,
      returnWindowDays: input.returnWindowDays,
      expiryReminderDays: input.expiryReminderDays,
      // Kept to six decimals of a minor unit, as each lot stores it.
      pointValueMinor: Math.round(input.pointValue * scale * 1e6) / 1e6,
    },
    await ctx.now(),
  );
  return { status: "ok", message: "Points settings saved. A new point value applies to points earned from now on." };
});
