// The store's Playcart parts as a store without Playcart has them: nothing. A build made with
// PLAYCART_ENGAGE=off puts this module in place of playcart-checkout-parts.ts and
// rewards-launcher-part.ts (next.config.js), so not one byte of Playcart's shopper code is in
// its pages. That build never renders them (lib/store/engage.ts); these keep its imports whole.
import type { ComponentProps, FC, JSXElementConstructor } from "react";
import type * as CheckoutParts from "./playcart-checkout-parts";
import type * as LauncherPart from "./rewards-launcher-part";

/** A component taking the same props as the one it stands in for, rendering nothing. */
// biome-ignore lint/suspicious/noExplicitAny: any component, as React types one
type Nothing<C extends JSXElementConstructor<any>> = FC<ComponentProps<C>>;
const nothing = () => null;

export const CheckoutGames: Nothing<typeof CheckoutParts.CheckoutGames> = nothing;
export const ExitIntent: Nothing<typeof CheckoutParts.ExitIntent> = nothing;
export const RewardChooser: Nothing<typeof CheckoutParts.RewardChooser> = nothing;
export const RewardsLauncher: Nothing<typeof LauncherPart.RewardsLauncher> = nothing;
