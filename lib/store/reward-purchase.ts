import "server-only";
import { buyCatalogItem, EngageError, findCustomerByEmail, InsufficientPointsError, rewardOwnerOf } from "playcart";
import { z } from "zod";
import type { Db } from "@/db/client";
import type { ActionState } from "@/lib/action-state";
import { storeNow } from "./clock";
import { playShopper, type StoreShopper } from "./engagement";

// Only which item and a nonce: the price in points comes from the catalog row, and any
// other field the browser adds (points, price, discount) is dropped by the schema.
export const rewardPurchaseInput = z.object({
  itemId: z.uuid(),
  requestId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
});

export type PurchaseState = ActionState & { rewardLabel?: string };

/** A signed-in shopper buys a catalog reward with points. */
export async function purchaseReward(db: Db, shopper: StoreShopper, raw: unknown): Promise<PurchaseState> {
  if (!shopper.viewer) return { status: "unauthenticated", message: "Please sign in to use your points." };
  const input = rewardPurchaseInput.safeParse(raw);
  if (!input.success) return { status: "invalid", message: "That reward request was not valid." };
  const customer = await findCustomerByEmail(db, shopper.viewer.email);
  if (!customer) return { status: "invalid", message: "You have no points yet. Every paid order earns points." };
  try {
    const bought = await buyCatalogItem(db, {
      customerId: customer.id,
      itemId: input.data.itemId,
      requestId: input.data.requestId,
      owner: rewardOwnerOf(playShopper(shopper, shopper.viewer.email)),
      now: await storeNow(),
    });
    return { status: "ok", message: `${bought.label}: saved for your next order.`, rewardLabel: bought.label };
  } catch (err) {
    if (err instanceof InsufficientPointsError)
      return {
        status: "invalid",
        message: `Not enough points: you have ${err.available}, this needs ${err.requested}.`,
      };
    if (err instanceof EngageError) return { status: "invalid", message: err.message };
    throw err;
  }
}
