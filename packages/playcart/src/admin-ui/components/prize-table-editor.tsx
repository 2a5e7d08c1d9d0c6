"use client";

// The prize table: one card per prize with its odds, expected cost per 1,000 plays and the
// budget left, recomputed as the owner types (packages/playcart/src/rewards/prize-economics.ts).
import { prizeEconomics, REWARD_TYPES } from "../../client.ts";
import { money, percent, toMinor } from "../format.ts";
import { inputClass } from "./field.tsx";

export type PrizeRow = {
  id?: string;
  label: string;
  weight: string;
  rewardType: (typeof REWARD_TYPES)[number];
  rewardValue: string;
  productRef: string;
  maxDiscount: string;
  cost: string;
  budget: string;
  inventory: string;
  dailyCap: string;
  wins: number;
  valueAwardedMinor: number;
};

/** A product of the store's catalog, as the host lists it (AdminConfig.products). */
export type CatalogProduct = { ref: string; name: string };

// Rewards with a typed value: a percentage, an amount or points. A free product names its
// product; free shipping and "no prize" have nothing to type.
const VALUE_LABEL: Partial<Record<PrizeRow["rewardType"], (currency: string) => string>> = {
  percent_off: () => "percent",
  amount_off: (c) => `amount (${c.toUpperCase()})`,
  bonus_points: () => "points",
};

export const emptyPrize = (): PrizeRow => ({
  label: "",
  weight: "1",
  rewardType: "percent_off",
  rewardValue: "10",
  productRef: "",
  maxDiscount: "",
  cost: "0",
  budget: "",
  inventory: "",
  dailyCap: "",
  wins: 0,
  valueAwardedMinor: 0,
});

const REWARD_LABEL: Record<PrizeRow["rewardType"], string> = {
  percent_off: "Percent off",
  amount_off: "Amount off",
  free_product: "Free product",
  free_shipping: "Free shipping",
  bonus_points: "Bonus points",
  none: "No prize",
};

const int = (s: string) => (s.trim() === "" ? null : Number(s));

export function prizeLines(rows: PrizeRow[], currency: string) {
  return rows.map((p) => ({
    label: p.label || "(unnamed)",
    weight: Number(p.weight) || 0,
    rewardType: p.rewardType,
    costMinor: toMinor(p.cost, currency) || 0,
    budgetValueMinor: toMinor(p.budget, currency),
    inventory: int(p.inventory),
    wins: p.wins,
    valueAwardedMinor: p.valueAwardedMinor,
  }));
}

export function PrizeTableEditor({
  rows,
  onChange,
  currency,
  errors,
  products,
}: {
  rows: PrizeRow[];
  onChange: (rows: PrizeRow[]) => void;
  currency: string;
  errors: Record<string, string>;
  products: CatalogProduct[] | null;
}) {
  const econ = prizeEconomics(
    prizeLines(rows, currency).map((l) => ({
      ...l,
      budgetValueMinor: Number.isNaN(l.budgetValueMinor) ? null : l.budgetValueMinor,
    })),
  );
  const set = (i: number, patch: Partial<PrizeRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const err = (i: number, key: string) => errors[`prizes.${i}.${key}`];
  const box = (
    i: number,
    key: keyof PrizeRow,
    label: string,
    errKey: string,
    extra: React.InputHTMLAttributes<HTMLInputElement> = {},
  ) => {
    const id = `prize-${i}-${String(key)}`;
    const e = err(i, errKey);
    return (
      <div className="playcart-admin-stack-sm">
        <label
          htmlFor={id}
          className="playcart-admin-block playcart-admin-tiny playcart-admin-strong playcart-admin-muted"
        >{`Prize ${i + 1} ${label}`}</label>
        <input
          id={id}
          value={String(rows[i][key] ?? "")}
          onChange={(ev) => set(i, { [key]: ev.target.value } as Partial<PrizeRow>)}
          aria-invalid={Boolean(e)}
          aria-describedby={e ? `${id}-error` : undefined}
          className={inputClass}
          {...extra}
        />
        {e && (
          <p id={`${id}-error`} className="playcart-admin-tiny playcart-admin-error">
            {e}
          </p>
        )}
      </div>
    );
  };
  return (
    <div className="playcart-admin-stack-sm">
      {errors.prizes && (
        <p role="alert" className="playcart-admin-small playcart-admin-strong playcart-admin-error">
          {errors.prizes}
        </p>
      )}
      <ol className="playcart-admin-stack-sm">
        {rows.map((p, i) => {
          const e = econ.prizes[i];
          return (
            <li key={p.id ?? i} className="playcart-admin-card">
              <div className="playcart-admin-grid">
                <div className="playcart-admin-span-all">{box(i, "label", "label", "label")}</div>
                <div className="playcart-admin-stack-sm">
                  <label
                    htmlFor={`prize-${i}-type`}
                    className="playcart-admin-block playcart-admin-tiny playcart-admin-strong playcart-admin-muted"
                  >{`Prize ${i + 1} reward`}</label>
                  <select
                    id={`prize-${i}-type`}
                    value={p.rewardType}
                    onChange={(ev) => set(i, { rewardType: ev.target.value as PrizeRow["rewardType"] })}
                    className={inputClass}
                  >
                    {REWARD_TYPES.map((t) => (
                      <option key={t} value={t}>
                        {REWARD_LABEL[t]}
                      </option>
                    ))}
                  </select>
                </div>
                {p.rewardType === "free_product" ? (
                  products ? (
                    <ProductPicker
                      index={i}
                      value={p.productRef}
                      products={products}
                      error={err(i, "productRef")}
                      onChange={(productRef) => set(i, { productRef })}
                    />
                  ) : (
                    box(i, "productRef", "product", "productRef", { placeholder: "butter-croissant" })
                  )
                ) : VALUE_LABEL[p.rewardType] ? (
                  box(i, "rewardValue", VALUE_LABEL[p.rewardType]!(currency), "rewardValue", { inputMode: "decimal" })
                ) : (
                  <div />
                )}
                {box(i, "weight", "weight", "weight", { inputMode: "numeric" })}
                {box(i, "cost", `cost per win (${currency.toUpperCase()})`, "costMinor", { inputMode: "decimal" })}
                {box(i, "budget", `budget (${currency.toUpperCase()})`, "budgetValueMinor", {
                  inputMode: "decimal",
                  placeholder: "No limit",
                })}
                {box(i, "inventory", "inventory", "inventory", { inputMode: "numeric", placeholder: "No limit" })}
                {p.rewardType !== "none" &&
                  box(i, "dailyCap", "daily cap (wins per store day)", "dailyCap", {
                    inputMode: "numeric",
                    placeholder: "No limit",
                  })}
                {p.rewardType === "percent_off" &&
                  box(i, "maxDiscount", `maximum discount (${currency.toUpperCase()})`, "maxDiscountMinor", {
                    inputMode: "decimal",
                    placeholder: "No limit",
                  })}
              </div>
              <dl className="playcart-admin-code playcart-admin-grid playcart-admin-tiny">
                <div>
                  <dt className="playcart-admin-muted">Odds</dt>
                  <dd className="playcart-admin-strong playcart-admin-num" data-testid={`prize-${i}-odds`}>
                    {percent(e?.chance ?? 0)}
                  </dd>
                </div>
                <div>
                  <dt className="playcart-admin-muted">Cost per 1,000 plays</dt>
                  <dd className="playcart-admin-strong playcart-admin-num">
                    {money(e?.costPer1000Minor ?? 0, currency)}
                  </dd>
                </div>
                <div>
                  <dt className="playcart-admin-muted">Budget left</dt>
                  <dd className="playcart-admin-strong playcart-admin-num">
                    {e?.budgetLeftMinor == null ? "No limit" : money(e.budgetLeftMinor, currency)}
                    {e?.winsLeft != null && ` (${e.winsLeft} wins)`}
                  </dd>
                </div>
              </dl>
              <button
                type="button"
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
                className="playcart-admin-small playcart-admin-error playcart-admin-link"
                aria-label={`Remove prize ${i + 1}`}
              >
                Remove
              </button>
            </li>
          );
        })}
      </ol>
      <div className="playcart-admin-row playcart-admin-between">
        <button
          type="button"
          onClick={() => onChange([...rows, emptyPrize()])}
          className="playcart-admin-button-secondary playcart-admin-small playcart-admin-strong"
        >
          Add prize
        </button>
        <p className="playcart-admin-small" aria-live="polite">
          Expected reward cost: <strong className="playcart-admin-num">{money(econ.costPer1000Minor, currency)}</strong>{" "}
          per 1,000 plays · win chance {percent(econ.winChance)}
        </p>
      </div>
    </div>
  );
}

/** A free product is chosen from the store's catalog; a stored ref the catalog no longer lists stays shown. */
function ProductPicker({
  index,
  value,
  products,
  error,
  onChange,
}: {
  index: number;
  value: string;
  products: CatalogProduct[];
  error?: string;
  onChange: (ref: string) => void;
}) {
  const id = `prize-${index}-productRef`;
  const listed = products.some((p) => p.ref === value);
  return (
    <div className="playcart-admin-stack-sm">
      <label
        htmlFor={id}
        className="playcart-admin-block playcart-admin-tiny playcart-admin-strong playcart-admin-muted"
      >
        {`Prize ${index + 1} product`}
      </label>
      <select
        id={id}
        value={value}
        onChange={(ev) => onChange(ev.target.value)}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
        className={inputClass}
      >
        <option value="">Choose a product…</option>
        {value && !listed && <option value={value}>{`${value} (not in the catalog)`}</option>}
        {products.map((p) => (
          <option key={p.ref} value={p.ref}>
            {p.name}
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-error`} className="playcart-admin-tiny playcart-admin-error">
          {error}
        </p>
      )}
    </div>
  );
}
