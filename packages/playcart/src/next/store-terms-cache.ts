// The store's terms (sponsor, eligibility, prize wording) as the games show them beside an
// offer. Read from the settings at most every 30 s per instance, so offering a game adds no
// query to the checkout; an owner's change reaches the checkout within that time.
import { getSettings } from "../core/settings.ts";
import type { StoreTerms } from "../core/store-terms.ts";
import type { Resolved } from "./config.ts";

const TTL_MS = 30_000;

export function cachedStoreTerms(cfg: Pick<Resolved, "db">): () => Promise<StoreTerms> {
  let read: { at: number; value: Promise<StoreTerms> } | null = null;
  return () => {
    const now = Date.now();
    if (!read || now - read.at > TTL_MS) {
      const value = cfg.db().then(async (db) => (await getSettings(db)).storeTerms);
      // A failed read is not kept: the next offer tries again.
      value.catch(() => {
        read = null;
      });
      read = { at: now, value };
    }
    return read.value;
  };
}
