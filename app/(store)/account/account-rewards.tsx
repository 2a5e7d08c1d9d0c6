// The account page's loyalty block: tier progress, the points catalog, and every reward the
// shopper holds (game prizes, rule rewards and catalog rewards alike), with where each applies.

import {
  balances,
  findCustomerByEmail,
  heldRewards,
  listCatalog,
  rewardOwnerOf,
  rewardValueWords,
  rewardWhereWords,
  tierProgress,
} from "playcart";
import { RewardsPanel } from "playcart/react";
import { getDb } from "@/db/client";
import type { Viewer } from "@/lib/auth/guards";
import { storeNow } from "@/lib/store/clock";
import { playShopper } from "@/lib/store/engagement";
import { formatMoney } from "@/lib/store/money";
import { currentShopper } from "@/lib/store/owner";
import { buyRewardAction } from "./reward-actions";

const untilFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium" });

export async function AccountRewards({ viewer }: { viewer: Viewer }) {
  const db = await getDb();
  const now = await storeNow();
  const shopper = await currentShopper();
  const customer = await findCustomerByEmail(db, viewer.email);
  const [progress, items, balance, held] = await Promise.all([
    tierProgress(db, { email: viewer.email, userRef: viewer.id, now }),
    listCatalog(db),
    customer ? balances(db, customer.id) : { available: 0, held: 0, pending: 0 },
    heldRewards(db, { ...rewardOwnerOf(playShopper(shopper, viewer.email)), now }),
  ]);
  return (
    <RewardsPanel
      progress={progress}
      formatMoney={(m) => formatMoney(m)}
      items={items.map((i) => ({ id: i.id, name: i.name, description: i.description, pointsCost: i.pointsCost }))}
      balance={balance.available}
      owned={held.map((r) => ({
        id: r.id,
        label: r.label,
        status: r.status,
        until: untilFormat.format(r.expiresAt),
        detail: [rewardValueWords(r, (m) => formatMoney(m)), rewardWhereWords(r), r.source].filter(Boolean).join(" · "),
      }))}
      buy={buyRewardAction}
    />
  );
}
