// One Playcart instance's state: the resolved config and the per-instance helpers its routes share.
import type { StoreTerms } from "../core/store-terms.ts";
import type { Resolved } from "./config.ts";
import { eventSweeper } from "./event-sweep.ts";
import { type IncentiveNotice, incentiveNoticeCache } from "./incentive-notice.ts";
import { playLimiter } from "./play-limiter.ts";
import { cachedStoreTerms } from "./store-terms-cache.ts";

export type Runtime = {
  cfg: Resolved;
  sweepAfterResponse: (now: Date) => void;
  allowPlay: (key: string) => boolean;
  incentiveNotice: () => Promise<IncentiveNotice>;
  storeTerms: () => Promise<StoreTerms>;
};

export const createRuntime = (cfg: Resolved): Runtime => ({
  cfg,
  sweepAfterResponse: eventSweeper(cfg),
  allowPlay: playLimiter(cfg.playsPerMinute),
  incentiveNotice: incentiveNoticeCache(cfg),
  storeTerms: cachedStoreTerms(cfg),
});
