// A campaign's official rules, written from its settings: who runs it (the sponsor), who may
// play, when, how to enter (with a purchase, and free), every prize with its value and odds,
// the limits, and how a prize is used. Pure: a snapshot of the inputs (what a rules version
// stores) goes in, the document the rules page renders comes out, so version N always reads
// as it did when it was published.
import type { CampaignSeason, GameType, Placement, PlayAllowance, RewardScope, RewardType } from "../core/enums.ts";
import type { Tier } from "../core/settings.ts";
import { type PrizeWords, prizeWords, type StoreTerms } from "../core/store-terms.ts";
import type { WeeklyWindow } from "../core/store-time.ts";
import { describeAudience } from "./audience-words.ts";
import { odds } from "./draw.ts";
import { needsPurchase } from "./entry-requirement.ts";
import type { PublicOdds, PublicPrize } from "./odds.ts";
import { chanceWords, limitWords, PLAY_NOUN, playsWords, prizeUseWords, rewardWords, whenWords } from "./odds-words.ts";
import { campaignDates } from "./season.ts";

/** Everything the rules are written from, as a version stores it (JSON). */
export type RulesSnapshot = {
  campaign: {
    slug: string;
    name: string;
    gameType: GameType;
    placement: Placement;
    audience: unknown;
    startsAt: string | null;
    endsAt: string | null;
    season: CampaignSeason | null;
    windows: WeeklyWindow[];
    allowance: PlayAllowance;
    lifetimeLimit: number | null;
    rewardScope: RewardScope;
    rewardValidDays: number;
    budgetTotalMinor: number | null;
    budgetDailyMinor: number | null;
    freeEntry: boolean;
    everyPlayWins: boolean;
    extraTerms: string | null;
  };
  prizes: {
    label: string;
    weight: number;
    rewardType: RewardType;
    rewardValue: number;
    productRef: string | null;
    maxDiscountMinor: number | null;
    costMinor: number;
    inventory: number | null;
    dailyCap: number | null;
    budgeted: boolean;
  }[];
  tiers: Pick<Tier, "name" | "label" | "minSpendMinor" | "playMultiplier">[];
  tierWindowDays: number;
  terms: StoreTerms;
};

type CampaignRow = Omit<RulesSnapshot["campaign"], "startsAt" | "endsAt"> & {
  startsAt: Date | null;
  endsAt: Date | null;
};
type PrizeRow = Omit<RulesSnapshot["prizes"][number], "budgeted"> & { budgetValueMinor: number | null };

export function rulesSnapshot(
  c: CampaignRow,
  table: PrizeRow[],
  settings: { tiers: RulesSnapshot["tiers"]; tierWindowDays: number; storeTerms: StoreTerms },
): RulesSnapshot {
  return {
    campaign: {
      slug: c.slug,
      name: c.name,
      gameType: c.gameType,
      placement: c.placement,
      audience: c.audience ?? true,
      startsAt: c.startsAt?.toISOString() ?? null,
      endsAt: c.endsAt?.toISOString() ?? null,
      season: c.season ?? null,
      windows: c.windows,
      allowance: c.allowance,
      lifetimeLimit: c.lifetimeLimit,
      rewardScope: c.rewardScope,
      rewardValidDays: c.rewardValidDays,
      budgetTotalMinor: c.budgetTotalMinor,
      budgetDailyMinor: c.budgetDailyMinor,
      freeEntry: c.freeEntry,
      everyPlayWins: c.everyPlayWins,
      extraTerms: c.extraTerms?.trim() || null,
    },
    prizes: table.map((p) => ({
      label: p.label,
      weight: p.weight,
      rewardType: p.rewardType,
      rewardValue: p.rewardValue,
      productRef: p.productRef,
      maxDiscountMinor: p.maxDiscountMinor,
      costMinor: p.costMinor,
      inventory: p.inventory,
      dailyCap: p.dailyCap,
      budgeted: p.budgetValueMinor !== null,
    })),
    tiers: settings.tiers.map((t) => ({
      name: t.name,
      label: t.label,
      minSpendMinor: t.minSpendMinor,
      playMultiplier: t.playMultiplier,
    })),
    tierWindowDays: settings.tierWindowDays,
    terms: settings.storeTerms,
  };
}

/** Two snapshots give the same rules (a save that changes nothing in them adds no version). */
export const sameRules = (a: unknown, b: unknown) => stableJson(a) === stableJson(b);
function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(",")}]`;
  if (v && typeof v === "object")
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(v ?? null);
}

export type RulesPrize = {
  label: string;
  /** A free-product prize's product (the host may name it: RulesFormat.productName). */
  productRef: string | null;
  description: string;
  value: string;
  chance: { percent: string; oneIn: string | null };
  limits: string[];
  /** Sold out at this moment (only known for the version in force). */
  soldOut: boolean;
};
export type RulesSection = { key: string; heading: string; lines: string[] };
export type OfficialRulesDocument = {
  slug: string;
  name: string;
  version: number;
  validFrom: Date;
  /** The heading of the prize table ("Prizes and chances", or "Gifts and chances"). */
  prizesHeading: string;
  /** "Chance per spin". */
  chanceHeading: string;
  prizes: RulesPrize[];
  sections: RulesSection[];
  /** Where a free play is asked for (null: the campaign has no free entry). */
  freeEntryHref: string | null;
  words: PrizeWords;
};

export type RulesFormat = {
  now: Date;
  timeZone: string;
  money: (minor: number) => string;
  /** "1 December 2026". */
  date: (d: Date) => string;
  /** Names a free-product prize's product (default: its reference). */
  productName?: (ref: string) => string | undefined;
  freeEntryHref?: string | null;
  /** The version in force: which prizes are sold out right now (by label). */
  soldOut?: ReadonlySet<string>;
};

const HOW_TO_ENTER: Record<Placement, string> = {
  checkout_first_order: "Place your first order with us: the game is offered at checkout, before you pay.",
  checkout_returning: "Shop with us again: the game is offered at checkout to returning shoppers, before you pay.",
  comeback:
    "The game is offered to a shopper with items in their cart who follows a cart reminder's link or is about to leave checkout.",
  seasonal_page: "Open the game's page in the store. No purchase is needed to play.",
};

/** The public odds shape the odds page's words read, from a snapshot (nothing sold out). */
export function oddsOfSnapshot(s: RulesSnapshot, f: Pick<RulesFormat, "now" | "timeZone" | "money">): PublicOdds {
  const c = s.campaign;
  const drawable = s.prizes.map((p, i) => ({ id: String(i), weight: p.weight }));
  const chances = odds(drawable);
  const dates = campaignDates(
    {
      season: c.season,
      startsAt: c.startsAt ? new Date(c.startsAt) : null,
      endsAt: c.endsAt ? new Date(c.endsAt) : null,
    },
    f.now,
    f.timeZone,
  );
  return {
    slug: c.slug,
    name: c.name,
    gameType: c.gameType,
    rewardScope: c.rewardScope,
    rewardValidDays: c.rewardValidDays,
    lifetimeLimit: c.lifetimeLimit,
    ...dates,
    season: c.season && { ...c.season, underway: dates.startsAt !== null && dates.startsAt <= f.now },
    audience: describeAudience(c.audience, {
      tierLabel: (name) => s.tiers.find((t) => t.name === name)?.label ?? name,
      money: f.money,
    }),
    running: true,
    openNow: false,
    windows: c.windows,
    plays: s.tiers.map((t) => ({
      tier: t.name,
      label: t.label,
      minSpendMinor: t.minSpendMinor,
      plays: c.allowance.byTier?.[t.name] ?? Math.floor(c.allowance.default * t.playMultiplier),
    })),
    tierWindowDays: s.tierWindowDays,
    prizes: s.prizes.map((p, i) => ({
      label: p.label,
      chance: chances.get(String(i)) ?? 0,
      soldOut: false,
      reward: {
        rewardType: p.rewardType,
        rewardValue: p.rewardValue,
        productRef: p.productRef,
        maxDiscountMinor: p.maxDiscountMinor,
      },
      limits: { inventory: p.inventory, dailyCap: p.dailyCap, budgeted: p.budgeted },
    })),
  };
}

/** What a prize is worth, as the rules state it. */
export function prizeValueWords(p: RulesSnapshot["prizes"][number], money: (minor: number) => string): string {
  switch (p.rewardType) {
    case "amount_off":
      return money(p.rewardValue);
    case "percent_off":
      return p.maxDiscountMinor !== null
        ? `${p.rewardValue}% of the order, up to ${money(p.maxDiscountMinor)}`
        : `${p.rewardValue}% of the order`;
    case "bonus_points":
      return `${p.rewardValue} points`;
    case "free_product":
    case "free_shipping":
      return p.costMinor > 0 ? `about ${money(p.costMinor)}` : "the item's price in the store";
    default:
      return "nothing";
  }
}

/** The official rules of one version, in words. */
export function officialRulesDocument(
  s: RulesSnapshot,
  version: { version: number; validFrom: Date },
  f: RulesFormat,
): OfficialRulesDocument {
  const c = s.campaign;
  const w = prizeWords(s.terms.wording);
  // The odds page's words say "prize"; a market that calls them gifts reads "gift" throughout.
  const say = (text: string) =>
    s.terms.wording === "gift"
      ? text
          .replace(/\bprizes\b/g, "gifts")
          .replace(/\bprize\b/g, "gift")
          .replace(/\bPrize\b/g, "Gift")
      : text;
  const o = oddsOfSnapshot(s, f);
  const noun = PLAY_NOUN[c.gameType];
  const sponsor = s.terms.sponsorName
    ? `${s.terms.sponsorName}${s.terms.sponsorAddress ? `, ${s.terms.sponsorAddress.replace(/\s*\n\s*/g, ", ")}` : ""}.`
    : "The store selling on this website (the store has not yet published its legal name and address).";
  const who = [
    s.terms.territories || s.terms.minAge !== null
      ? `Open to ${s.terms.territories ? `residents of ${s.terms.territories}` : "anyone"}${s.terms.minAge !== null ? ` aged ${s.terms.minAge} or over` : ""}.`
      : "Open to anyone the store sells to.",
    o.audience
      ? `${o.audience[0].toUpperCase()}${o.audience.slice(1)}.`
      : "Shoppers the store has chosen for this game.",
  ];
  const free = c.freeEntry
    ? [
        `No purchase necessary. Anyone eligible may ask for a free ${noun} without buying anything${f.freeEntryHref ? ` at ${f.freeEntryHref}` : " on this game's free entry page"}, by giving an email address: one free ${noun} per email address each time the game opens (per store day when it has no weekly hours). A free ${noun} draws from the same ${w.prizes}, with the same chances, on the same server as a ${noun} at checkout, and any ${w.prize} it gives is kept for that email address.`,
      ]
    : [];
  const enter = [HOW_TO_ENTER[c.placement], ...free];
  if (c.everyPlayWins) enter.push(`Every ${noun} gives one of the ${w.prizes} below: no ${noun} goes without.`);
  else if (!needsPurchase(c.placement) && !c.freeEntry) enter.push("No purchase is necessary.");

  const limits = playsWords(o, f.money, noun);
  o.prizes.forEach((p) => {
    const l = limitWords(p);
    if (l.length) limits.push(`${p.label}: ${l.join("; ")}.`);
  });
  if (c.budgetTotalMinor !== null)
    limits.push(`The game ends early once its ${w.prizes} have cost the store ${f.money(c.budgetTotalMinor)} in all.`);
  if (c.budgetDailyMinor !== null)
    limits.push(
      `It closes for the rest of the store day once that day's ${w.prizes} have cost ${f.money(c.budgetDailyMinor)}.`,
    );
  limits.push(
    c.everyPlayWins
      ? `When every ${w.prize} is gone, the game is no longer offered.`
      : `When a ${w.prize} is gone it leaves the draw, and the chances of the others grow in proportion.`,
  );

  const sections: RulesSection[] = [
    { key: "sponsor", heading: "Sponsor", lines: [sponsor] },
    { key: "who", heading: "Who may play", lines: who },
    {
      key: "when",
      heading: "When",
      lines: [whenWords(o, f.timeZone, f.date), `All dates and hours are the store's time (${f.timeZone}).`],
    },
    { key: "enter", heading: "How to enter", lines: enter },
    { key: "limits", heading: "Limits", lines: limits.map(say) },
    {
      key: "use",
      heading: `Your ${w.prize}`,
      lines: [
        say(prizeUseWords(o)),
        `It expires ${c.rewardValidDays} ${c.rewardValidDays === 1 ? "day" : "days"} after the ${noun}, and cannot be exchanged for cash.`,
      ],
    },
    {
      key: "draw",
      heading: c.everyPlayWins ? `How each ${w.prize} is picked` : "How the winner is picked",
      lines: [
        say(
          "Our server draws every play with a cryptographic random number generator, within each prize's limits, before the game starts to move. The animation only shows that result.",
        ),
      ],
    },
  ];
  if (c.extraTerms)
    sections.push({ key: "extra", heading: "More terms", lines: c.extraTerms.split(/\n+/).filter(Boolean) });

  return {
    slug: c.slug,
    name: c.name,
    version: version.version,
    validFrom: version.validFrom,
    prizesHeading: w.chanceHeading,
    chanceHeading: `Chance per ${noun}`,
    prizes: o.prizes.map((p: PublicPrize, i) => ({
      label: p.label,
      productRef: p.reward.productRef,
      description: say(rewardWords(p, f.money, p.reward.productRef ? f.productName?.(p.reward.productRef) : undefined)),
      value: prizeValueWords(s.prizes[i], f.money),
      chance: chanceWords(p.chance),
      limits: limitWords(p).map(say),
      soldOut: f.soldOut?.has(p.label) ?? false,
    })),
    sections,
    freeEntryHref: c.freeEntry ? (f.freeEntryHref ?? null) : null,
    words: w,
  };
}

/** The line beside a game, before it is played (UK CAP 8.17): the significant conditions. */
export function keyConditions(
  c: Pick<RulesSnapshot["campaign"], "gameType" | "rewardScope" | "rewardValidDays" | "freeEntry" | "lifetimeLimit"> & {
    endsAt: Date | null;
  },
  terms: Pick<StoreTerms, "minAge" | "territories">,
  date: (d: Date) => string,
): string {
  const out: string[] = [];
  if (terms.minAge !== null || terms.territories)
    out.push(
      `${terms.minAge !== null ? `${terms.minAge}+` : "Open"}${terms.territories ? `, ${terms.territories}` : ""}`,
    );
  if (c.endsAt) out.push(`ends ${date(c.endsAt)}`);
  out.push(`valid ${c.rewardValidDays} ${c.rewardValidDays === 1 ? "day" : "days"}`);
  out.push(c.rewardScope === "this_order" ? "off this order" : "for your next order");
  if (c.freeEntry) out.push("free entry available, no purchase needed");
  const line = out.join(" · ");
  return line[0].toUpperCase() + line.slice(1);
}
