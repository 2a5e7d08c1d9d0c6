// The Playcart client components the checkout renders, gathered so the browser fetches them
// as one chunk (see playcart-checkout.tsx), and only them: a dynamic import of playcart/react
// itself would bring every component the entry point exports. CheckoutGames brings the offer
// card and the email step with it; each game stays a chunk of its own.
export { RewardChooser } from "playcart/react";
export { CheckoutGameSlot } from "./checkout-game-slot";
