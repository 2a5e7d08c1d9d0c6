// The account page's loyalty block: tier progress and the points catalog (Playcart's rewards panel).

import { balances, findCustomerByEmail, listCatalog, openCatalogRewards, tierProgress } from "playcart";
import { RewardsPanel } from "playcart/react";
import { getDb } from "@/db/client";
import type { Viewer } from "@/lib/auth/guards";
import { storeNow } from "@/lib/store/clock";
import { formatMoney } from "@/lib/store/money";
import { buyRewardAction } from "./reward-actions";

const untilFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium" });

export async function AccountRewards({ viewer }: { viewer: Viewer }) {
  const db = await getDb();
  const now = await storeNow();
  const customer = await findCustomerByEmail(db, viewer.email);
  const [progress, items, balance, owned] = await Promise.all([
    tierProgress(db, { email: viewer.email, userRef: viewer.id, now }),
    listCatalog(db),
    customer ? balances(db, customer.id) : { available: 0, held: 0 },
    customer ? openCatalogRewards(db, customer.id, now) : [],
  ]);
  return (
    <RewardsPanel
      progress={progress}
      formatMoney={(m) => formatMoney(m)}
      items={items.map((i) => ({ id: i.id, name: i.name, description: i.description, pointsCost: i.pointsCost }))}
      balance={balance.available}
      owned={owned.map((r) => ({
        id: r.id,
        label: r.label,
        status: r.status,
        until: untilFormat.format(r.expiresAt),
      }))}
      buy={buyRewardAction}
    />
  );
}
