// Playcart's public API: what a host store calls. Everything takes the host's Drizzle
// handle (a database or a transaction) as its first argument.

export {
  activeSequence,
  cartReminders,
  detectAbandonedCarts,
  markCartAbandoned,
  type SequencePlan,
  scheduleReminders,
  trackCart,
} from "./abandonment";
export { type AdventCalendar, type AdventDoor, adventCalendar } from "./advent";
export { type Affinity, categoryAffinity, type OrderPlaced, recordOrderPlaced } from "./affinity";
export { type AuditInput, auditTrail, recordAudit } from "./audit";
export { awardBadge, badgeByShareId, customerBadgeList, type HeldBadge, revokeBadge } from "./badges";
export { birthdayOf, birthdaySchema, recordBirthdayEvents, setBirthday } from "./birthdays";
export { creditBonusRewards } from "./bonus-rewards";
export {
  allowedTransitions,
  CampaignInputError,
  campaignWithPrizes,
  listCampaigns,
  saveCampaign,
  setCampaignStatus,
  toDraft,
} from "./campaign-admin";
export { type CampaignDraft, campaignDraftSchema, type PrizeDraft, prizeDraftSchema } from "./campaign-draft";
export { buyCatalogItem, type CatalogPurchase, listCatalog, openCatalogRewards } from "./catalog";
export { rewardForOrder } from "./checkout-reward";
export { canRemind, contactOf, recordConsent, withdrawConsent } from "./consent";
export {
  type Adjustment,
  adjustmentSchema,
  adjustPoints,
  customerDetail,
  searchCustomersByEmail,
} from "./customer-admin";
export { ensureCustomer, findCustomerByEmail, identityEmail } from "./customers";
export type { EngageDb } from "./db";
export { type EngineClock, type ProcessedEvent, pendingEventCount, processEvent, processPendingEvents } from "./engine";
export { type EventContext, eventContext, SAMPLE_CONTEXT } from "./engine-context";
export { EngageError, InsufficientPointsError } from "./errors";
export { EVENT_TYPES, type EventType, type NewEvent, recordEvent } from "./events";
export { holdoutIdentity, isHeldOut } from "./holdout";
export { identityKeys, limitEmail } from "./identity";
export {
  dailySeries,
  funnelCounts,
  type KpiRange,
  type KpiReport,
  kpiReport,
  liftCounts,
  liftInterval,
  participationCounts,
} from "./kpis";
export { balances, history, type Mismatch, type NewEntry, postEntry, reconcile } from "./ledger";
export { clawbackFor, currencyExponent, pointsFor } from "./money";
export { claimNudge, recordNudgeConverted, recordNudgeDismissed } from "./nudges";
export { publicOdds } from "./odds";
export {
  type OrderPaid,
  orderPointsSummary,
  recordOrderDispute,
  recordOrderPaid,
  recordOrderRefund,
  syncOrderPoints,
} from "./order-points";
export {
  findOffer,
  findPlacement,
  type Offer,
  PlayError,
  type PlayInput,
  type PlayResult,
  type PlayShopper,
  play,
  remainingPlays,
} from "./play";
export { grantBonusPlays } from "./play-grants";
export type { GameOffer, PlayOutcome, PlayRequest } from "./play-outcome";
export { type PrizeEconomics, prizeEconomics } from "./prize-economics";
export { type CustomerProfile, customerProfile, tierFor } from "./profile";
export { deletePushSubscription, pushSubscriptionsFor, savePushSubscription } from "./push-subscriptions";
export { RECOVERY_WINDOW_DAYS, recordRecoveries, recordReminderClick } from "./recovery";
export {
  judgeReferral,
  REFERRAL_CODE,
  recordReferralVisit,
  referralCodeFor,
  referralSummary,
  referrerByCode,
} from "./referrals";
export { reverseOrderEarnings } from "./refund-reversal";
export {
  claimDueReminders,
  type DispatchReport,
  dispatchReminders,
  type PushOutcome,
  type PushTarget,
  type ReminderMessage,
  type ReminderSenders,
  SendFailure,
  sendClaimed,
} from "./reminder-dispatch";
export { recentReminders, recoveredOrders } from "./reminder-report";
export {
  DEFAULT_QUIET_HOURS,
  DEFAULT_STEPS,
  inQuietHours,
  outOfQuietHours,
  type QuietHours,
  reminderDueTimes,
  retryDelayMs,
} from "./reminder-schedule";
export {
  RESTORE_LINK_DAYS,
  readRestoreToken,
  readUnsubscribeToken,
  restoreToken,
  unsubscribeToken,
} from "./reminder-tokens";
export {
  bestReward,
  type ChosenReward,
  discountFor,
  hasEffect,
  type RewardEffect,
  type RewardOwner,
  redeemOrderRewards,
  releaseOrderRewards,
  reserveReward,
  rewardEffect,
  rewardOwnerOf,
  usableRewards,
} from "./rewards";
export { type RuleOutcome, ruleOutcomeSchema, ruleOutcomesSchema } from "./rule-outcomes";
export { liveRulesFor, type RuleInput, ruleInputSchema, saveRule } from "./rules";
export { previewWindows, type WindowPreview } from "./schedule-preview";
export { orderStats, primarySegment, SEGMENTS, type Segment, segmentsOf } from "./segments";
export { DEFAULT_SETTINGS, type EngageSettings, getSettings, saveSettings, settingsSchema } from "./settings";
export { updateSettings } from "./settings-admin";
export { type CardProgress, grantStamps, stampCardProgress, stampCount } from "./stamps";
export { type TierProgress, tierProgress } from "./tier-progress";
export { recomputeTier, tierHistoryOf, trailingSpend } from "./tiers";
