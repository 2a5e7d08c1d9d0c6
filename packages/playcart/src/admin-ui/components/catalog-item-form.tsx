"use client";

// One reward in the catalog (or a new one): what it costs in points and what it gives.
import { useActionState, useState } from "react";
import { idle } from "../action-state.ts";
import { useAdminAction } from "./admin-actions.tsx";
import { Field, inputClass } from "./field.tsx";
import { FormMessage } from "./form-message.tsx";
import { SubmitButton } from "./submit-button.tsx";
import { useFormDraft } from "./use-form-draft.ts";

export type CatalogItemValues = {
  id?: string;
  slug: string;
  name: string;
  description: string;
  pointsCost: number | "";
  rewardType: string;
  /** As typed: an amount in the store's currency for an amount off ("4.95"), else a number. */
  rewardValue: string;
  productRef: string;
  /** As typed, in the store's currency; "" for no cap. */
  maxDiscount: string;
  validDays: number | "";
  position: number;
  active: boolean;
};

const types = (currency: string) => [
  { value: "percent_off", label: "Percent off (value: 1 to 100)" },
  { value: "amount_off", label: `Amount off (value in ${currency.toUpperCase()}, such as 4.95)` },
  { value: "free_product", label: "Free product (needs a product)" },
  { value: "free_shipping", label: "Free shipping" },
];

export function CatalogItemForm({ item, currency }: { item: CatalogItemValues; currency: string }) {
  const [state, action] = useActionState(useAdminAction("saveCatalogItem"), idle);
  const e = state.fieldErrors ?? {};
  // A reward just added leaves the "new" form empty for the next one.
  const isNew = !item.id;
  const { bind } = useFormDraft(
    {
      name: item.name,
      slug: item.slug,
      description: item.description,
      pointsCost: String(item.pointsCost),
      rewardType: item.rewardType,
      rewardValue: item.rewardValue,
      productRef: item.productRef,
      maxDiscount: item.maxDiscount,
      validDays: String(item.validDays),
    },
    isNew ? state : undefined,
  );
  const [active, setActive] = useState(item.active);
  type Text = Parameters<typeof bind>[0];
  const input = (name: Text, label: string, extra: { inputMode?: "numeric" | "decimal"; hint?: string } = {}) => (
    <Field label={label} error={e[name]} hint={extra.hint}>
      {(a) => <input {...a} {...bind(name)} inputMode={extra.inputMode} className={inputClass} />}
    </Field>
  );
  return (
    <form action={action} noValidate className="playcart-admin-stack-sm">
      {item.id && <input type="hidden" name="id" value={item.id} />}
      <input type="hidden" name="position" value={item.position} />
      <div className="playcart-admin-grid">
        {input("name", "Name")}
        {input("slug", "Key", { hint: "Lower-case letters, digits and -" })}
        {input("pointsCost", "Points cost", { inputMode: "numeric" })}
        <Field label="Reward type" error={e.rewardType}>
          {(a) => (
            <select {...a} {...bind("rewardType")} className={inputClass}>
              {types(currency).map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {input("rewardValue", "Value", { inputMode: "decimal" })}
        {input("validDays", "Valid for (days)", { inputMode: "numeric" })}
        {input("productRef", "Product (for a free product)")}
        {input("maxDiscount", `Discount cap in ${currency.toUpperCase()} (optional)`, { inputMode: "decimal" })}
      </div>
      {input("description", "Description")}
      <label className="playcart-admin-row playcart-admin-small">
        <input type="checkbox" name="active" checked={active} onChange={(ev) => setActive(ev.target.checked)} /> Offered
        in the catalog
      </label>
      {e.form && <p className="playcart-admin-small playcart-admin-error">{e.form}</p>}
      <div className="playcart-admin-row">
        <SubmitButton pendingLabel="Saving…">{item.id ? "Save reward" : "Add reward"}</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

/** Takes a reward off the catalog (or puts it back) without opening its form. */
export function CatalogActiveToggle({ id, active, name }: { id: string; active: boolean; name: string }) {
  const [state, action] = useActionState(useAdminAction("setCatalogItemActive"), idle);
  return (
    <form action={action} className="">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <button
        type="submit"
        className="playcart-admin-small playcart-admin-link"
        aria-label={`${active ? "Deactivate" : "Activate"} ${name}`}
      >
        {active ? "Deactivate" : "Activate"}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
