// The short notice of financial incentive where a shopper joins (the first-order game's email
// step, the rewards panel's join, the host's sign-up and referral landing), with the link to
// the full notice. Read from the store's settings at most once a minute per instance, so the
// checkout pays no query for it.
import { getSettings } from "../core/settings.ts";
import { INCENTIVE_NOTICE_LINK_TEXT } from "../privacy/index.ts";
import type { Resolved } from "./config.ts";

export type IncentiveNotice = { text: string; href: string; linkText: string };

const TTL_MS = 60_000;

export function incentiveNoticeCache(cfg: Pick<Resolved, "db" | "pages">): () => Promise<IncentiveNotice> {
  let cached: { at: number; value: Promise<IncentiveNotice> } | null = null;
  return () => {
    const at = Date.now();
    if (!cached || at - cached.at > TTL_MS) {
      const value = (async () => ({
        text: (await getSettings(await cfg.db())).incentiveNotice,
        href: cfg.pages.notice,
        linkText: INCENTIVE_NOTICE_LINK_TEXT,
      }))();
      cached = { at, value };
      // A failed read is not kept: the next caller tries again.
      value.catch(() => {
        if (cached?.value === value) cached = null;
      });
    }
    return cached.value;
  };
}
