// Playcart's public API: what a host store calls. Everything takes the host's Drizzle
// handle (a database or a transaction) as its first argument.
export type { EngageDb } from "./db";
export { EngageError, InsufficientPointsError } from "./errors";
export { ensureCustomer, findCustomerByEmail, identityEmail } from "./customers";
export { balances, history, postEntry, reconcile, type NewEntry, type Mismatch } from "./ledger";
export { clawbackFor, currencyExponent, pointsFor } from "./money";
export {
  orderPointsSummary,
  recordOrderDispute,
  recordOrderPaid,
  recordOrderRefund,
  syncOrderPoints,
  type OrderPaid,
} from "./order-points";
export { DEFAULT_SETTINGS, getSettings, saveSettings, settingsSchema, type EngageSettings } from "./settings";
export { findOffer, findPlacement, play, PlayError, remainingPlays, type Offer, type PlayInput, type PlayResult, type PlayShopper } from "./play";
export type { GameOffer, PlayOutcome, PlayRequest } from "./play-outcome";
export { rewardForOrder } from "./checkout-reward";
export {
  bestReward,
  discountFor,
  redeemOrderRewards,
  releaseOrderRewards,
  reserveReward,
  rewardOwnerOf,
  usableRewards,
  type RewardOwner,
} from "./rewards";
export { identityKeys, limitEmail } from "./identity";
export { customerProfile, tierFor, type CustomerProfile } from "./profile";
export { publicOdds } from "./odds";
export { EVENT_TYPES, recordEvent, type EventType, type NewEvent } from "./events";
export { holdoutIdentity, isHeldOut } from "./holdout";
export { auditTrail, recordAudit, type AuditInput } from "./audit";
export { campaignDraftSchema, prizeDraftSchema, type CampaignDraft, type PrizeDraft } from "./campaign-draft";
export { allowedTransitions, campaignWithPrizes, CampaignInputError, listCampaigns, saveCampaign, setCampaignStatus, toDraft } from "./campaign-admin";
export { prizeEconomics, type PrizeEconomics } from "./prize-economics";
export { previewWindows, type WindowPreview } from "./schedule-preview";
export { updateSettings } from "./settings-admin";
export { adjustmentSchema, adjustPoints, customerDetail, searchCustomersByEmail, type Adjustment } from "./customer-admin";
export { dailySeries, funnelCounts, kpiReport, liftCounts, liftInterval, participationCounts, type KpiRange, type KpiReport } from "./kpis";
