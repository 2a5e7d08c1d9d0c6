// What a this-order prize takes off the shopper's cart right now, worked out exactly as
// priceOrder (and the checkout's totals) will: the game's result can then name the saving in
// money, and it is the same amount the order summary shows.
import type { EngageDb } from "../core/db.ts";
import { EngageError } from "../core/errors.ts";
import type { PlayShopper } from "../games/index.ts";
import { rewardForOrder } from "../rewards/index.ts";
import type { Cart } from "./config.ts";
import { cartSummary, rewardLines } from "./shopper.ts";

export async function thisOrderSaving(
  db: EngageDb,
  input: { rewardId: string; shopper: PlayShopper; cart: Cart; now: Date; timeZone: string },
): Promise<number | null> {
  try {
    const chosen = await rewardForOrder(db, {
      shopper: input.shopper,
      cartRef: input.cart.ref,
      lines: rewardLines(input.cart.lines),
      cart: cartSummary(input.cart.lines),
      shippingMinor: input.cart.shippingMinor,
      requestedRewardId: input.rewardId,
      now: input.now,
      timeZone: input.timeZone,
    });
    return chosen ? chosen.discountMinor + chosen.shippingWaivedMinor : null;
  } catch (err) {
    // The prize does not apply to this cart as it stands (the checkout then says so): no amount to name.
    if (err instanceof EngageError) return null;
    throw err;
  }
}
