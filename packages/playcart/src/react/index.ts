// playcart/react: the shopper-facing components. Client components carry "use client" in
// their own files, so a server component may import from here and render them; the games
// themselves are separate chunks, fetched when the page is idle once the shopper uses it, or
// as they reach for Play. Style them with `import "playcart/styles.css"` and the --playcart-* variables.

export type { PanelReward, RewardsPanelData } from "../rewards/index.ts";
export { AdventCalendarView, type AdventCalendarViewProps } from "./advent-calendar.tsx";
export { BadgeEmblem } from "./badge-emblem.tsx";
export { BadgeList, type BadgeListProps, type BadgeView } from "./badge-list.tsx";
export { CheckoutGames, type CheckoutGamesProps } from "./checkout-games.tsx";
export { Confetti } from "./confetti.tsx";
export { DrawCommitment } from "./draw-commitment.tsx";
export { DrawReceiptNote } from "./draw-receipt.tsx";
export { DrawVerification } from "./draw-verification.tsx";
export { ExitIntent, type ExitIntentProps, type ExitTrigger } from "./exit-intent.tsx";
export { ExitNudge, type NudgeProps } from "./exit-nudge.tsx";
export { DEFAULT_FREE_ENTRY_ENDPOINT, FreeEntryForm, type FreeEntryFormProps } from "./free-entry-form.tsx";
export { GameLauncher, type GameLauncherProps } from "./game-launcher.tsx";
export {
  defaultDrawsHref,
  defaultVerifyHref,
  type GameProps,
  type PlayFn,
  type PlayResult,
  playsLabel,
  shortHash,
} from "./game-types.ts";
export { IncentiveNotice, type IncentiveNoticeProps } from "./incentive-notice.tsx";
export { IncentiveNoticePage, type IncentiveNoticePageProps } from "./incentive-notice-page.tsx";
export { OfficialRulesView, type OfficialRulesViewProps } from "./official-rules-view.tsx";
export { DEFAULT_PLAY_ENDPOINT, playViaRoute } from "./play-route.ts";
export { DEFAULT_PUSH_ENDPOINT, PushOptIn, type PushOptInProps } from "./push-opt-in.tsx";
export { ReferralShare } from "./referral-share.tsx";
export { ResultPanel } from "./result-panel.tsx";
export {
  type CatalogEntry,
  type CatalogState,
  type OwnedReward,
  RewardCatalog,
  type RewardCatalogProps,
} from "./reward-catalog.tsx";
export { type RewardChoice, RewardChooser, type RewardChooserProps } from "./reward-chooser.tsx";
export { RewardsLauncher, type RewardsLauncherProps } from "./rewards-launcher.tsx";
export { RewardsPanel, type RewardsPanelProps } from "./rewards-panel.tsx";
export { ScratchCard } from "./scratch-card.tsx";
export { ShakeTree } from "./shake-tree.tsx";
export { ShareButtons, type ShareButtonsProps } from "./share-buttons.tsx";
export { useShownReward } from "./shown-reward.ts";
export { REWARD_SHOWN_EVENT, type RewardShownDetail, SHOWN_REWARD_FIELD } from "./shown-reward-event.ts";
export { ShownRewardField, type ShownRewardFieldProps } from "./shown-reward-field.tsx";
export { SpinWheel } from "./spin-wheel.tsx";
export { StampCard, type StampCardProps } from "./stamp-card.tsx";
export { TierProgressBar, type TierProgressBarProps } from "./tier-progress-bar.tsx";
