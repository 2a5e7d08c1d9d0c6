"use client";

// Points buy rewards for the next order. The form sends the item and a fresh nonce only;
// the server prices it in points and refuses what the balance cannot cover.
import { useActionState, useState } from "react";

export type CatalogEntry = { id: string; name: string; description: string; pointsCost: number };
export type CatalogState = {
  status: "idle" | "ok" | "invalid" | "unauthenticated" | "forbidden" | "error";
  message?: string;
};
export type OwnedReward = { id: string; label: string; until: string; status: string };

const nonce = () =>
  crypto.randomUUID?.().replace(/-/g, "") ??
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");

export function RewardCatalog({
  items,
  balance,
  owned,
  buy,
}: {
  items: CatalogEntry[];
  balance: number;
  owned: OwnedReward[];
  buy: (prev: CatalogState, form: FormData) => Promise<CatalogState>;
}) {
  const [state, action, pending] = useActionState(buy, { status: "idle" });
  // One nonce per rendered form: a double submit replays it, and the server spends once.
  const [requestId, setRequestId] = useState(nonce);
  return (
    <section aria-labelledby="catalog-heading" className="space-y-3">
      <h2 id="catalog-heading" className="text-lg font-medium">
        Spend your points
      </h2>
      <ul className="grid gap-3 sm:grid-cols-3">
        {items.map((item) => {
          const short = balance < item.pointsCost;
          return (
            <li
              key={item.id}
              className="flex flex-col rounded-2xl border border-amber-200 bg-linear-to-br from-amber-50 to-white p-4"
            >
              <p className="font-semibold">{item.name}</p>
              <p className="mt-1 flex-1 text-sm text-stone-600">{item.description}</p>
              <form
                action={action}
                onSubmit={() => setTimeout(() => setRequestId(nonce()), 0)}
                className="mt-3 flex items-center justify-between gap-2"
              >
                <input type="hidden" name="itemId" value={item.id} />
                <input type="hidden" name="requestId" value={requestId} />
                <span className="text-sm font-medium tabular-nums">{item.pointsCost} points</span>
                <button
                  type="submit"
                  disabled={pending || short}
                  aria-label={`Redeem ${item.pointsCost} points for ${item.name}`}
                  className="rounded-full bg-stone-900 px-4 py-1.5 text-sm font-semibold text-white hover:bg-stone-700 disabled:opacity-40"
                >
                  Redeem
                </button>
              </form>
            </li>
          );
        })}
      </ul>
      <p
        role="status"
        aria-live="polite"
        className={`text-sm font-medium ${state.status === "ok" ? "text-brand-800" : "text-red-700"}`}
      >
        {state.status !== "idle" ? state.message : ""}
      </p>
      {owned.length > 0 && (
        <div>
          <h3 className="text-sm font-medium text-stone-700">Rewards waiting for your next order</h3>
          <ul className="mt-1 space-y-1 text-sm" data-testid="owned-rewards">
            {owned.map((r) => (
              <li key={r.id}>
                {r.label}{" "}
                <span className="text-stone-500">
                  ({r.status === "reserved" ? "on an order being paid" : `until ${r.until}`})
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
