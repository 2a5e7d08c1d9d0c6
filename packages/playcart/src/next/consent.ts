// The reminder checkbox Playcart renders at checkout (<PlaycartCheckout form="...">): its
// field name in the host's form and its exact wording, which is stored with the consent.
import type { Resolved } from "./config.ts";

export const CONSENT_FIELD = "playcart_reminders";

export const consentWordingOf = (cfg: Pick<Resolved, "email">) =>
  `Email me reminders about my cart and offers${cfg.email?.storeName ? ` from ${cfg.email.storeName}` : ""}. I can unsubscribe at any time.`;
