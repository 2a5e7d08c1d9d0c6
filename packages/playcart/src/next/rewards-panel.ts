// The rewards panel's data for this browser's shopper (playcart.rewardsPanel() and GET
// <basePath>/panel): points, every reward held, ways to earn, what the balance buys next, the
// referral link and tier progress. Read-only but for a member's referral code, made on first use.
import { ensureCustomer, findCustomerByEmail } from "../core/customers.ts";
import { currencyExponent } from "../core/money.ts";
import { getSettings } from "../core/settings.ts";
import { shopperPoints } from "../ledger/index.ts";
import { referralCodeFor, tierProgress } from "../loyalty/index.ts";
import {
  heldRewards,
  listCatalog,
  type PanelReward,
  pointsOutlook,
  type RewardsPanelData,
  rewardOwnerOf,
  rewardValueWords,
  rewardWhereWords,
  waysToEarn,
} from "../rewards/index.ts";
import type { Runtime } from "./runtime.ts";

export type RewardsPanelInput = { request?: Request; headers?: Headers };

export function moneyFormatter(currency: string) {
  const format = new Intl.NumberFormat("en", { style: "currency", currency: currency.toUpperCase() });
  const exponent = currencyExponent(currency);
  return (minor: number) => format.format(minor / 10 ** exponent);
}

export async function rewardsPanelData(rt: Runtime, input: RewardsPanelInput = {}): Promise<RewardsPanelData> {
  const { cfg } = rt;
  const shopper = await cfg.adapter.shopper({ request: input.request ?? null, create: false });
  const db = await cfg.db();
  const now = await cfg.now();
  const money = moneyFormatter(cfg.currency);
  const dates = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: cfg.timeZone });
  const member = Boolean(shopper?.signedIn && shopper.email);
  // The email Playcart assumes shows points (as at checkout); rewards need real ownership.
  const customer = shopper?.email
    ? member
      ? await ensureCustomer(db, { email: shopper.email, userRef: shopper.userRef })
      : await findCustomerByEmail(db, shopper.email)
    : undefined;
  const owner = shopper
    ? rewardOwnerOf({
        email: shopper.email,
        userRef: shopper.userRef,
        deviceId: shopper.id,
        sessionRef: shopper.id,
        signedIn: shopper.signedIn,
      })
    : null;
  const [held, ways, catalog, worth, progress, code, notice] = await Promise.all([
    owner ? heldRewards(db, { ...owner, now }) : [],
    waysToEarn(db, { currency: cfg.currency, money }),
    listCatalog(db),
    // The reminder window is only needed for a known shopper's points, and is read beside the rest.
    customer ? getSettings(db).then((s) => shopperPoints(db, customer.id, now, s.expiryReminderDays)) : null,
    customer ? tierProgress(db, { email: customer.email, userRef: shopper?.userRef ?? null, now }) : null,
    member && customer ? referralCodeFor(db, customer.id) : null,
    // A guest joins from the panel: the notice of financial incentive goes with the invitation.
    member ? null : rt.incentiveNotice(),
  ]);
  const rewards: PanelReward[] = held.map((r) => ({
    id: r.id,
    label: r.label,
    value: rewardValueWords(r, money),
    where: rewardWhereWords(r),
    expires: `Expires ${dates.format(r.expiresAt)}`,
    expiresAt: r.expiresAt.toISOString(),
    status: r.status === "reserved" ? "reserved" : "issued",
    source: r.source,
    rulesHref: r.rules && `${cfg.pages.rules}/${r.rules.slug}?v=${r.rules.version}`,
  }));
  const outlook = pointsOutlook(worth?.available.points ?? 0, catalog);
  const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: cfg.timeZone });
  const pointsWords = (p: { points: number; valueMinor: number }) => `${p.points} points (${money(p.valueMinor)})`;
  return {
    member,
    points: worth && {
      balance: worth.available.points,
      pending: worth.pending.points,
      held: worth.held.points,
      worth: money(worth.available.valueMinor),
      pendingLines: worth.releasing.map((r) => `${pointsWords(r)} pending until ${day.format(r.releasesAt)}`),
      expiryLines: worth.expiring.map((e) => `${pointsWords(e)} expire on ${day.format(e.expiresAt)}`),
    },
    rewards,
    waysToEarn: ways,
    nextReward: outlook.next && {
      name: outlook.next.name,
      pointsNeeded: outlook.next.pointsNeeded,
      text: `${outlook.next.pointsNeeded} points to ${outlook.next.name}`,
    },
    enoughFor: outlook.enoughFor && `You have enough for ${outlook.enoughFor.name}`,
    referral: code
      ? {
          url: `${cfg.publicOrigin}${cfg.basePath}/r/${code}`,
          shareText: "Here is my link to the store: your first order earns me a stamp.",
        }
      : null,
    notice,
    tier: progress && {
      label: progress.current.label,
      next: progress.next?.label ?? null,
      percent: progress.percent,
      text: progress.next
        ? `Spend ${money(progress.remainingMinor)} more to reach ${progress.next.label}`
        : `${progress.current.label} is our top tier`,
    },
  };
}
