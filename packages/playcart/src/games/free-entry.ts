// The free method of entry: anyone may ask for a free play of a campaign that offers one, by
// email, without a purchase. It is the same play as at checkout (the same prize table, the
// same server draw, the same limits per person), plus one free entry per email per window.
import { and, eq } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { personKey } from "../core/identity.ts";
import { campaigns, freeEntries } from "../core/schema.ts";
import { openWindow } from "./campaigns.ts";
import type { Rng } from "./draw.ts";
import { PlayError, type PlayResult, play } from "./play.ts";

export type FreeEntryInput = {
  slug: string;
  email: string;
  /** A fresh nonce for the play, as a checkout play has. */
  requestId: string;
  /** The browser asking (the host's shopper key), if known: a prize for "this order" belongs to it, as at checkout. */
  device?: string | null;
  now: Date;
  timeZone: string;
  rng?: Rng;
};

export type FreeEntryResult = PlayResult & { campaignId: string; windowKey: string };

/** The campaign's free entry, if it offers one and is playable now. */
export async function freeEntryCampaign(db: EngageDb, slug: string) {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.slug, slug));
  return campaign && campaign.status !== "draft" && campaign.freeEntry ? campaign : null;
}

export async function freeEntryPlay(db: EngageDb, input: FreeEntryInput): Promise<FreeEntryResult> {
  const campaign = await freeEntryCampaign(db, input.slug);
  if (!campaign) throw new PlayError("not_found", "This game has no free entry.");
  const windowKey = openWindow(campaign, input.now, input.timeZone);
  if (!windowKey) throw new PlayError("closed", "This game is not open right now.");
  const person = personKey(input.email);
  // The entry is claimed first (the primary key is the limit), then played; a play that is
  // refused gives the entry back, so a closed game or a sold-out table costs nobody their turn.
  const claimed = await db
    .insert(freeEntries)
    .values({ campaignId: campaign.id, personKey: person, windowKey, createdAt: input.now })
    .onConflictDoNothing()
    .returning({ windowKey: freeEntries.windowKey });
  if (claimed.length === 0)
    throw new PlayError(
      "no_plays_left",
      "This email address has had its free play for now. Come back when the game next opens.",
    );
  const entry = and(
    eq(freeEntries.campaignId, campaign.id),
    eq(freeEntries.personKey, person),
    eq(freeEntries.windowKey, windowKey),
  );
  try {
    const result = await play(db, {
      campaignId: campaign.id,
      requestId: input.requestId,
      shopper: { email: input.email, deviceId: input.device ?? null, sessionRef: input.device ?? null },
      cart: { valueMinor: 0, itemCount: 0, categories: [] },
      now: input.now,
      timeZone: input.timeZone,
      rng: input.rng,
      freeEntry: true,
    });
    await db.update(freeEntries).set({ playId: result.playId }).where(entry);
    return { ...result, campaignId: campaign.id, windowKey };
  } catch (err) {
    await db.delete(freeEntries).where(entry);
    throw err;
  }
}
