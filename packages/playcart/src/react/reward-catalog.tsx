"use client";

// Points buy rewards for the next order. The form sends the item and a fresh nonce only;
// the server prices it in points and refuses what the balance cannot cover.
import { useActionState, useState } from "react";

export type CatalogEntry = { id: string; name: string; description: string; pointsCost: number };
export type CatalogState = {
  status: "idle" | "ok" | "invalid" | "unauthenticated" | "forbidden" | "error";
  message?: string;
};
export type OwnedReward = {
  id: string;
  label: string;
  until: string;
  status: string;
  /** What it gives and where it applies, e.g. "10% off · This order · Spin the wheel". */
  detail?: string;
};

const nonce = () =>
  crypto.randomUUID?.().replace(/-/g, "") ??
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");

export type RewardCatalogProps = {
  items: CatalogEntry[];
  /** Points the shopper can spend now. */
  balance: number;
  /** Rewards already bought and not yet used. */
  owned: OwnedReward[];
  /** The host's server action: reads `itemId` and `requestId` from the form. */
  buy: (prev: CatalogState, form: FormData) => Promise<CatalogState>;
};

export function RewardCatalog({ items, balance, owned, buy }: RewardCatalogProps) {
  const [state, action, pending] = useActionState(buy, { status: "idle" });
  // One nonce per rendered form: a double submit replays it, and the server spends once.
  const [requestId, setRequestId] = useState(nonce);
  return (
    <section aria-labelledby="catalog-heading" className="playcart-catalog">
      <h2 id="catalog-heading" className="playcart-section-title">
        Spend your points
      </h2>
      <ul className="playcart-catalog-items">
        {items.map((item) => {
          const short = balance < item.pointsCost;
          return (
            <li key={item.id} className="playcart-catalog-item">
              <p className="playcart-catalog-name">{item.name}</p>
              <p className="playcart-small playcart-catalog-description">{item.description}</p>
              <form
                action={action}
                onSubmit={() => setTimeout(() => setRequestId(nonce()), 0)}
                className="playcart-catalog-form"
              >
                <input type="hidden" name="itemId" value={item.id} />
                <input type="hidden" name="requestId" value={requestId} />
                <span className="playcart-catalog-cost">{item.pointsCost} points</span>
                <button
                  type="submit"
                  disabled={pending || short}
                  aria-label={`Redeem ${item.pointsCost} points for ${item.name}`}
                  className="playcart-button playcart-button-small"
                >
                  Redeem
                </button>
              </form>
            </li>
          );
        })}
      </ul>
      <p role="status" aria-live="polite" className="playcart-catalog-status" data-status={state.status}>
        {state.status !== "idle" ? state.message : ""}
      </p>
      {owned.length > 0 ? (
        <div>
          <h3 className="playcart-owned-title">Rewards you hold</h3>
          <ul className="playcart-owned" data-testid="owned-rewards">
            {owned.map((r) => (
              <li key={r.id}>
                {r.label}
                {r.detail ? <span className="playcart-subtle"> · {r.detail}</span> : null}{" "}
                <span className="playcart-subtle">
                  ({r.status === "reserved" ? "on an order being paid" : `until ${r.until}`})
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="playcart-small">You hold no rewards right now.</p>
      )}
    </section>
  );
}
