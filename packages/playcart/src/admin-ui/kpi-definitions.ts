// What each KPI on the admin's KPI page means, in the owner's words: shown one click from the
// figure's label (a disclosure), and matching how insights/kpis.ts computes it. Some depend on
// the scope: the whole store, or one campaign.

export type KpiTerm =
  | "views"
  | "offers"
  | "plays"
  | "wins"
  | "redemptions"
  | "orders"
  | "revenue"
  | "revenuePerCheckout"
  | "rewardCost"
  | "offered"
  | "holdout"
  | "difference"
  | "participation"
  | "abandonment"
  | "recovery"
  | "revenueRecovered"
  | "referralReach"
  | "referralParticipation";

const ORDER_CREDIT =
  "An order counts for the last game its shopper was shown before paying, so it counts for one campaign at most.";

export function kpiDefinition(term: KpiTerm, oneCampaign: boolean): string {
  switch (term) {
    case "views":
      return oneCampaign
        ? "Checkouts that showed this campaign's game. Each shopper session and cart counts once, however often the page reloads."
        : "Checkouts viewed with something in the cart. Each shopper session and cart counts once, however often the page reloads.";
    case "offers":
      return "Games shown to shoppers at checkout, counted when the page shows the game: one per checkout and campaign. Shoppers held out for comparison are not offers.";
    case "plays":
      return "Games played: every play counts, so a shopper with three spins can play three times.";
    case "wins":
      return "Plays that won a prize.";
    case "redemptions":
      return "Prizes used on an order.";
    case "orders":
      return oneCampaign ? `Paid orders credited to this campaign. ${ORDER_CREDIT}` : "Orders paid in these days.";
    case "revenue":
      return oneCampaign
        ? `What the paid orders credited to this campaign collected. ${ORDER_CREDIT}`
        : "What the orders paid in these days collected.";
    case "revenuePerCheckout":
      return "Revenue divided by checkout views, both as shown on this page.";
    case "rewardCost":
      return "The cost you set for each prize, summed over the prizes won.";
    case "offered":
      return "Shopper sessions shown a game that went on to pay for an order, out of all sessions shown one.";
    case "holdout":
      return "Shopper sessions kept from the game for comparison (the holdout) that went on to pay, out of all held-out sessions.";
    case "difference":
      return "Offered minus holdout conversion, in percentage points, with its 95% confidence interval: when the interval is above zero, the game lifts conversion.";
    case "participation":
      return "Shopper sessions that played, out of the sessions shown a game.";
    case "abandonment":
      return "Carts left at checkout, out of checkout views. Store-wide.";
    case "recovery":
      return "Abandoned carts that a reminder brought back to a paid order, out of carts abandoned. Store-wide.";
    case "revenueRecovered":
      return "What the orders that reminders brought back collected. Store-wide.";
    case "referralReach":
      return "Visits through shoppers' referral links, the referrers' own visits left out; conversion is the share of those that became a first paid order, referrals refunded in full left out. Store-wide.";
    case "referralParticipation":
      return "Customers who shared their referral link (a share, a copy, or a friend's visit), out of customers with a paid order by the end of the range. Store-wide.";
  }
}
