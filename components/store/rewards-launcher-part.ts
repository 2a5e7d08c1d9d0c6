// Playcart's rewards launcher for the store's header. Import it by this specifier,
// "@/components/store/rewards-launcher-part": a build with PLAYCART_ENGAGE=off swaps the
// module it names for without-playcart.tsx (next.config.js), so no page of that build carries it.
export { RewardsLauncher } from "playcart/react";
