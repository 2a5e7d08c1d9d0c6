// The Playcart client components the checkout renders. Import them by this specifier,
// "@/components/store/playcart-checkout-parts": a build with PLAYCART_ENGAGE=off swaps the
// module it names for without-playcart.tsx (next.config.js), and a relative import would
// bring Playcart's code into that build. CheckoutGames brings the offer card and the email
// step; each game stays a chunk of its own, fetched when the page is idle.
export { CheckoutGames, ExitIntent, RewardChooser } from "playcart/react";
