// The confirmation's reward lines: which reward the order used and what it saved, and, for a
// signed-in shopper, what their points now buy ("You now have 340 points: enough for $5 off").
import {
  balances,
  findCustomerByEmail,
  listCatalog,
  type PointsOutlook,
  pointsOutlook,
  rewardUsedOnOrder,
  rewardValueWords,
} from "playcart";
import type { Db } from "@/db/client";
import type { Order } from "@/db/schema";
import { formatMoney } from "@/lib/store/money";

export async function OrderRewardNote({
  db,
  order,
  viewerEmail,
}: {
  db: Db;
  order: Order;
  viewerEmail: string | null;
}) {
  const used = await rewardUsedOnOrder(db, order.id);
  const money = (m: number) => formatMoney(m, order.currency);
  const named = used ? `${used.label}${used.source ? ` (${used.source})` : ""}` : null;
  const saved = !used
    ? null
    : order.discountMinor > 0
      ? `Saved ${money(order.discountMinor)} with ${named}`
      : used.rewardType === "free_shipping"
        ? `Free delivery with ${named}`
        : `${rewardValueWords({ ...used, productRef: null, maxDiscountMinor: null, categoryRef: null, scope: "this_order" }, money)} with ${named}`;
  // Only the paid order's own signed-in shopper sees a balance: an email typed at checkout proves nothing.
  const own =
    order.status === "paid" && viewerEmail !== null && viewerEmail.toLowerCase() === order.email.toLowerCase();
  const customer = own ? await findCustomerByEmail(db, order.email) : undefined;
  const outlook = customer ? pointsOutlook((await balances(db, customer.id)).available, await listCatalog(db)) : null;
  if (!saved && !outlook) return null;
  return (
    <div
      className="space-y-1 rounded-xl border border-stone-200 bg-white p-4 text-stone-800"
      data-testid="order-reward-note"
    >
      {saved && <p data-testid="reward-used">{saved}.</p>}
      {outlook && <p data-testid="balance-buys">{balanceWords(outlook)}</p>}
    </div>
  );
}

/** "You now have 340 points: enough for $5 off. 60 points to Free shipping." */
function balanceWords(o: PointsOutlook): string {
  const now = `You now have ${o.balance} points${o.enoughFor ? `: enough for ${o.enoughFor.name}` : ""}.`;
  return o.next ? `${now} ${o.next.pointsNeeded} points to ${o.next.name}.` : now;
}
