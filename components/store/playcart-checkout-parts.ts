// The Playcart client components the checkout renders, gathered so the browser fetches them
// as one chunk (see playcart-checkout.tsx), and only them: a dynamic import of playcart/react
// itself would bring every component the entry point exports. The offer card (GameLauncher,
// which CheckoutGames itself loads lazily) comes in the same chunk: one fetch, not two in a row.
export { CheckoutGames, ExitIntent, GameLauncher, RewardChooser } from "playcart/react";
