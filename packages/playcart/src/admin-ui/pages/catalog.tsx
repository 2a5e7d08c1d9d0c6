import { allCatalogItems } from "../../index.ts";
import { CatalogActiveToggle, CatalogItemForm } from "../components/catalog-item-form.tsx";
import { toUnits } from "../format.ts";
import type { AdminPageProps } from "./page-props.ts";

export async function CatalogSettingsPage({ ctx }: AdminPageProps) {
  const items = await allCatalogItems(ctx.db);
  const currency = ctx.currency;
  // Amounts are shown as the owner types them (4.95), not in minor units.
  const asTyped = (item: (typeof items)[number]) => ({
    ...item,
    rewardValue: item.rewardType === "amount_off" ? toUnits(item.rewardValue, currency) : String(item.rewardValue),
    productRef: item.productRef ?? "",
    maxDiscount: toUnits(item.maxDiscountMinor, currency),
    active: item.active === 1,
  });
  return (
    <div className="playcart-admin-stack">
      <p className="playcart-admin-small">
        <a href={ctx.href("settings")} className="playcart-admin-link">
          Settings
        </a>
      </p>
      <h1 className="playcart-admin-title">Reward catalog</h1>
      <p className="playcart-admin-small playcart-admin-muted">
        What shoppers can buy with points on their account page. A deactivated reward leaves the catalog; rewards
        already bought stay valid.
      </p>
      <ul className="playcart-admin-stack-sm">
        {items.map((item) => (
          <li key={item.id} className="playcart-admin-card">
            <div className="playcart-admin-row playcart-admin-between">
              <h2 className="playcart-admin-strong">
                {item.name}{" "}
                <span className="playcart-admin-small playcart-admin-normal playcart-admin-muted">
                  · {item.pointsCost} points{item.active ? "" : " · inactive"}
                </span>
              </h2>
              <CatalogActiveToggle id={item.id} active={item.active === 1} name={item.name} />
            </div>
            <details className="">
              <summary className="playcart-admin-small playcart-admin-link">{`Edit ${item.name}`}</summary>
              <div className="">
                <CatalogItemForm item={asTyped(item)} currency={currency} />
              </div>
            </details>
          </li>
        ))}
      </ul>
      <section aria-labelledby="new-reward-h" className="playcart-admin-card playcart-admin-stack-sm">
        <h2 id="new-reward-h" className="playcart-admin-heading">
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
