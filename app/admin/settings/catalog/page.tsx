import type { Metadata } from "next";
import Link from "next/link";
import { allCatalogItems } from "playcart";
import { CatalogActiveToggle, CatalogItemForm } from "@/components/admin/catalog-item-form";
import { Forbidden } from "@/components/admin/forbidden";
import { toUnits } from "@/components/admin/format";
import { getDb } from "@/db/client";
import { adminViewerOrRedirect } from "@/lib/auth/admin-page";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Reward catalog" };

export default async function CatalogSettingsPage() {
  if (!(await adminViewerOrRedirect("/admin/settings/catalog"))) return <Forbidden />;
  const items = await allCatalogItems(await getDb());
  const currency = env().STORE_CURRENCY;
  // Amounts are shown as the owner types them (4.95), not in minor units.
  const asTyped = (item: (typeof items)[number]) => ({
    ...item,
    rewardValue: item.rewardType === "amount_off" ? toUnits(item.rewardValue, currency) : String(item.rewardValue),
    productRef: item.productRef ?? "",
    maxDiscount: toUnits(item.maxDiscountMinor, currency),
    active: item.active === 1,
  });
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/settings" className="underline">
          Settings
        </Link>
      </p>
      <h1 className="font-display text-3xl font-semibold">Reward catalog</h1>
      <p className="text-sm text-stone-600">
        What shoppers can buy with points on their account page. A deactivated reward leaves the catalog; rewards
        already bought stay valid.
      </p>
      <ul className="space-y-3">
        {items.map((item) => (
          <li key={item.id} className="rounded-2xl border border-stone-200 bg-white/60 p-4">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="font-semibold">
                {item.name}{" "}
                <span className="text-sm font-normal text-stone-600">
                  · {item.pointsCost} points{item.active ? "" : " · inactive"}
                </span>
              </h2>
              <CatalogActiveToggle id={item.id} active={item.active === 1} name={item.name} />
            </div>
            <details className="mt-2">
              <summary className="cursor-pointer text-sm underline">{`Edit ${item.name}`}</summary>
              <div className="mt-3">
                <CatalogItemForm item={asTyped(item)} currency={currency} />
              </div>
            </details>
          </li>
        ))}
      </ul>
      <section aria-labelledby="new-reward-h" className="space-y-2 rounded-2xl border border-stone-200 bg-white/60 p-4">
        <h2 id="new-reward-h" className="text-lg font-semibold">
          New reward
        </h2>
        <CatalogItemForm
          item={{
            slug: "",
            name: "",
            description: "",
            pointsCost: "",
            rewardType: "amount_off",
            rewardValue: "",
            productRef: "",
            maxDiscount: "",
            validDays: 30,
            position: items.length,
            active: true,
          }}
          currency={currency}
        />
      </section>
    </div>
  );
}
