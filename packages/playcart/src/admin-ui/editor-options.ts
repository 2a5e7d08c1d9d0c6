// What the rule editor offers: event types, statuses, tiers, segments, stamp cards, badges
// and campaigns, read from the engine so the choices always exist.

import type { EngageDb } from "../core/db.ts";
import { RULE_STATUSES } from "../core/schema.ts";
import { badgesAndCards, EVENT_TYPES, getSettings, listCampaigns, SEGMENTS } from "../index.ts";

export async function ruleEditorOptions(db: EngageDb) {
  const [settings, { badges, cards }, campaigns] = await Promise.all([
    getSettings(db),
    badgesAndCards(db),
    listCampaigns(db),
  ]);
  return {
    triggers: EVENT_TYPES,
    statuses: RULE_STATUSES,
    tiers: settings.tiers.map((t) => ({ name: t.name, label: t.label })),
    segments: [...SEGMENTS],
    cards: cards.map((c) => ({ slug: c.slug, name: c.name })),
    badges: badges.map((b) => ({ slug: b.slug, name: b.name })),
    campaigns: campaigns.map((c) => ({ id: c.id, name: c.name })),
  };
}
