// The exact words of the checkout's consent checkbox: stored with every consent given.
export const MARKETING_CONSENT_WORDING =
  "Email me (and, if I allow it, notify me) about my cart and offers from Corner Roastery. I can unsubscribe at any time.";
export const CONSENT_SOURCE_CHECKOUT = "checkout_form";
