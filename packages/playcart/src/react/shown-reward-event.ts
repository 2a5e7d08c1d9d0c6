// How a checkout's form learns which reward the shopper has been shown: constants only (no
// "use client"), so server code reads them as values, not as client references.

/**
 * The hidden field of the host's checkout form that carries the reward the shopper was last
 * shown ("" for none): priceOrder explains any other price before it places the order.
 */
export const SHOWN_REWARD_FIELD = "playcart_shown_reward";

/**
 * The DOM event (on `document`) a checkout game sends when its result has told the shopper what
 * a reward saves on this order; `detail` is a RewardShownDetail. The checkout's totals follow
 * in the refresh the result starts, but a shopper may press pay before it lands: a form that
 * takes the event's reward as the one shown places the order at the price the game told,
 * instead of stopping to explain a change the shopper has already read.
 */
export const REWARD_SHOWN_EVENT = "playcart:reward-shown";
export type RewardShownDetail = { rewardId: string };
