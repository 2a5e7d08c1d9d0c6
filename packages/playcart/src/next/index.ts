// playcart/next: createPlaycart(config) for a Next.js host (App Router). See README,
// "Add Playcart to your store".

export { REWARD_SHOWN_EVENT as PLAYCART_REWARD_SHOWN_EVENT } from "../react/index.ts";
export type { CheckoutInput, CheckoutView, RewardPreview } from "./checkout.ts";
export { PlaycartCheckout, type PlaycartCheckoutProps } from "./checkout-slot.tsx";
export type {
  AssumedEmail,
  Cart,
  CheckoutSessionRef,
  EmailConfig,
  Line,
  Order,
  Outbox,
  PlaycartAdapter,
  PlaycartAdminOptions,
  PlaycartConfig,
  PushConfig,
  RestoredLine,
  Shopper,
  ShopperAnswer,
  ShopperQuery,
} from "./config.ts";
export { CONSENT_FIELD as PLAYCART_CONSENT_FIELD } from "./consent.ts";
export { COMEBACK_COOKIE, REFERRAL_COOKIE } from "./cookies.ts";
export { createPlaycart, type Playcart } from "./create-playcart.ts";
export { type DkimConfig, type DkimSigning, dkimProblems, dkimSigning } from "./email/dkim.ts";
export { mailTransport, type OutgoingMail } from "./email/mail-transport.ts";
export { type SampleContext, sampleReminder } from "./email/reminder-sample.ts";
export { storeNameOf } from "./email/reminder-sender.ts";
export type { NudgeDecision } from "./exit-nudge.ts";
export type { FreeEntryPage } from "./free-entry-page.ts";
export type { IncentiveNotice } from "./incentive-notice.ts";
export type { PricedOrder, PriceOrderInput } from "./price-order.ts";
export { NotSignedInError, type PrivacyInput } from "./privacy.ts";
export { PlaycartConfigError } from "./resolve-config.ts";
export {
  type RewardChange,
  RewardChangedError,
  SHOWN_REWARD_FIELD as PLAYCART_SHOWN_REWARD_FIELD,
} from "./reward-change.ts";
export { REWARD_FIELD as PLAYCART_REWARD_FIELD } from "./reward-choice.ts";
export type { RewardsPanelInput } from "./rewards-panel.ts";
export { HANDLED_EVENT_TYPES as PLAYCART_STRIPE_EVENT_TYPES } from "./stripe/handlers.ts";
