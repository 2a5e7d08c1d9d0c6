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
export { DEFAULT_SETTINGS, getSettings, saveSettings, type EngageSettings } from "./settings";
export { findOffer, play, PlayError, remainingPlays, type Offer, type PlayInput, type PlayResult, type PlayShopper } from "./play";
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
export { buyCatalogItem, listCatalog, openCatalogRewards, type CatalogPurchase } from "./catalog";
export { creditBonusRewards } from "./bonus-rewards";
export { rewardEffect, hasEffect, type RewardEffect, type ChosenReward } from "./rewards";
export { tierProgress, type TierProgress } from "./tier-progress";
export { adventCalendar, type AdventDoor, type AdventCalendar } from "./advent";
