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
export {
  findOffer,
  findPlacement,
  play,
  PlayError,
  remainingPlays,
  type Offer,
  type PlayInput,
  type PlayResult,
  type PlayShopper,
} from "./play";
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
export { processEvent, processPendingEvents, pendingEventCount, type EngineClock, type ProcessedEvent } from "./engine";
export { eventContext, SAMPLE_CONTEXT, type EventContext } from "./engine-context";
export { liveRulesFor, ruleInputSchema, saveRule, type RuleInput } from "./rules";
export { ruleOutcomeSchema, ruleOutcomesSchema, type RuleOutcome } from "./rule-outcomes";
export { recomputeTier, tierHistoryOf, trailingSpend } from "./tiers";
export { grantStamps, stampCardProgress, stampCount, type CardProgress } from "./stamps";
export { awardBadge, badgeByShareId, customerBadgeList, revokeBadge, type HeldBadge } from "./badges";
export {
  judgeReferral,
  recordReferralVisit,
  REFERRAL_CODE,
  referralCodeFor,
  referralSummary,
  referrerByCode,
} from "./referrals";
export { birthdayOf, birthdaySchema, recordBirthdayEvents, setBirthday } from "./birthdays";
export { categoryAffinity, recordOrderPlaced, type Affinity, type OrderPlaced } from "./affinity";
export { orderStats, primarySegment, SEGMENTS, segmentsOf, type Segment } from "./segments";
export { grantBonusPlays } from "./play-grants";
export { reverseOrderEarnings } from "./refund-reversal";
export { buyCatalogItem, listCatalog, openCatalogRewards, type CatalogPurchase } from "./catalog";
export { creditBonusRewards } from "./bonus-rewards";
export { rewardEffect, hasEffect, type RewardEffect, type ChosenReward } from "./rewards";
export { tierProgress, type TierProgress } from "./tier-progress";
export { adventCalendar, type AdventDoor, type AdventCalendar } from "./advent";
// Cart abandonment and reminders.
export { canRemind, contactOf, recordConsent, withdrawConsent } from "./consent";
export {
  activeSequence,
  cartReminders,
  detectAbandonedCarts,
  markCartAbandoned,
  scheduleReminders,
  trackCart,
  type SequencePlan,
} from "./abandonment";
export {
  claimDueReminders,
  dispatchReminders,
  sendClaimed,
  SendFailure,
  type DispatchReport,
  type PushOutcome,
  type PushTarget,
  type ReminderMessage,
  type ReminderSenders,
} from "./reminder-dispatch";
export {
  DEFAULT_QUIET_HOURS,
  DEFAULT_STEPS,
  inQuietHours,
  outOfQuietHours,
  reminderDueTimes,
  retryDelayMs,
  type QuietHours,
} from "./reminder-schedule";
export {
  readRestoreToken,
  readUnsubscribeToken,
  restoreToken,
  unsubscribeToken,
  RESTORE_LINK_DAYS,
} from "./reminder-tokens";
export { recordReminderClick, recordRecoveries, RECOVERY_WINDOW_DAYS } from "./recovery";
export { claimNudge, recordNudgeConverted, recordNudgeDismissed } from "./nudges";
export { deletePushSubscription, pushSubscriptionsFor, savePushSubscription } from "./push-subscriptions";
export { recentReminders, recoveredOrders } from "./reminder-report";
export { holdoutIdentity, isHeldOut } from "./holdout";
export { auditTrail, recordAudit, type AuditInput } from "./audit";
export { campaignDraftSchema, prizeDraftSchema, type CampaignDraft, type PrizeDraft } from "./campaign-draft";
export {
  allowedTransitions,
  campaignWithPrizes,
  CampaignInputError,
  listCampaigns,
  saveCampaign,
  setCampaignStatus,
  toDraft,
} from "./campaign-admin";
export { prizeEconomics, type PrizeEconomics } from "./prize-economics";
export { previewWindows, type WindowPreview } from "./schedule-preview";
export { updateSettings } from "./settings-admin";
export {
  adjustmentSchema,
  adjustPoints,
  customerDetail,
  searchCustomersByEmail,
  type Adjustment,
} from "./customer-admin";
export {
  dailySeries,
  funnelCounts,
  kpiReport,
  liftCounts,
  liftInterval,
  participationCounts,
  type KpiRange,
  type KpiReport,
} from "./kpis";
