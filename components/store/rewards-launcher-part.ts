// Playcart's rewards launcher alone, so the header's chunk for it holds nothing else (a dynamic
// import of playcart/react itself would bring every component the entry point exports).
export { RewardsLauncher } from "playcart/react";
