// The odds page's words: prizes, limits and rules as a shopper reads them. Shared by every
// odds page (the host's own, or the one Playcart's route serves), so the terms read the same.
import type { Campaign } from "../core/schema.ts";
import type { PublicOdds, PublicPrize } from "./odds.ts";
import { monthName } from "./season.ts";

type Money = (minor: number) => string;

/** What one play of a game is called, in "a chance per <noun>". */
export const PLAY_NOUN: Record<Campaign["gameType"], string> = {
  spin_wheel: "spin",
  shake_tree: "shake",
  scratch_card: "card",
  advent_calendar: "door",
};
const WEEKDAYS = ["", "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays"];
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });

export function chanceWords(chance: number): { percent: string; oneIn: string | null } {
  const oneIn = chance > 0 && chance < 1 ? `about 1 in ${Math.round(1 / chance)}` : null;
  return { percent: percent.format(chance), oneIn };
}

export function rewardWords(prize: PublicPrize, money: Money, productName?: string): string {
  const r = prize.reward;
  switch (r.rewardType) {
    case "percent_off":
      return `${r.rewardValue}% off${r.maxDiscountMinor !== null ? ` (at most ${money(r.maxDiscountMinor)})` : ""}`;
    case "amount_off":
      return `${money(r.rewardValue)} off`;
    case "free_product":
      return `A free ${productName ?? r.productRef ?? "item"}, taken off when one is in your cart`;
    case "free_shipping":
      return "Free shipping";
    case "bonus_points":
      return `${plural(r.rewardValue, "bonus point")}, credited once the order is paid`;
    default:
      return "No prize";
  }
}

export function limitWords(prize: PublicPrize): string[] {
  const out: string[] = [];
  if (prize.limits.inventory !== null) out.push(`${prize.limits.inventory} to be won in all`);
  if (prize.limits.dailyCap !== null) out.push(`at most ${prize.limits.dailyCap} a day`);
  if (prize.limits.budgeted) out.push("while its budget lasts");
  return out;
}

export function whenWords(o: PublicOdds, timeZone: string, date: (d: Date) => string): string {
  const range =
    o.season && o.startsAt && o.endsAt
      ? // endsAt is the midnight after the last day: name the last day itself.
        `Every year from ${o.season.day} ${monthName(o.season.month)}, for ${plural(o.season.days, "day")}; ${o.season.underway ? "this time" : "next time"} from ${date(o.startsAt)} until the end of ${date(new Date(o.endsAt.getTime() - 1))}: `
      : o.startsAt && o.endsAt
        ? `From ${date(o.startsAt)} until ${date(o.endsAt)}: `
        : o.startsAt
          ? `From ${date(o.startsAt)}: `
          : o.endsAt
            ? `Until ${date(o.endsAt)}: `
            : "";
  const when =
    o.windows.length > 0
      ? `${o.windows.map((w) => `${WEEKDAYS[w.weekday]} ${w.start}–${w.end}`).join(", ")}, store time (${timeZone}).`
      : "any day.";
  return range ? `${range}${when}` : when[0].toUpperCase() + when.slice(1);
}

export function playsWords(o: PublicOdds, money: Money, noun: string): string[] {
  const fewest = Math.min(...o.plays.map((p) => p.plays));
  const perPerson =
    "Limits count per person: by email address (case, +tags and Gmail dots ignored), account and device.";
  // A lifetime cap at or below every tier's allowance is the whole story. A yearly
  // campaign's cap counts afresh every year.
  const each = o.season ? " each year" : "";
  if (o.lifetimeLimit !== null && o.lifetimeLimit <= fewest)
    return [`${plural(o.lifetimeLimit, noun)} per person${each}.`, perPerson];
  const per = o.windows.length > 0 ? "each time it opens" : "a day (days start at midnight, store time)";
  const out =
    new Set(o.plays.map((p) => p.plays)).size === 1
      ? [`${plural(fewest, noun)} ${per}.`]
      : o.plays.map(
          (p) =>
            `${p.label}: ${plural(p.plays, noun)} ${per}${p.minSpendMinor > 0 ? `, for ${money(p.minSpendMinor)} or more spent in the last ${o.tierWindowDays} days` : ""}.`,
        );
  if (o.lifetimeLimit !== null)
    out.push(`At most ${plural(o.lifetimeLimit, noun)} ${o.season ? "each year" : "in all"}.`);
  return [...out, perPerson];
}

export function prizeUseWords(o: PublicOdds): string {
  const valid = `valid for ${plural(o.rewardValidDays, "day")}`;
  return o.rewardScope === "this_order"
    ? `A prize comes off the order you are checking out, straight away (${valid}). One reward per order.`
    : `A prize is saved for your next order, not the one you are placing, and is ${valid}. One reward per order.`;
}
