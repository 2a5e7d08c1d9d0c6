"use client";

import Link from "next/link";
import { startTransition, useActionState, useOptimistic } from "react";
import { setQuantityAction } from "@/app/(store)/cart/actions";
import { FormMessage } from "@/components/ui/form-message";
import { idle } from "@/lib/action-state";

export type CartLineView = {
  productId: string;
  slug: string;
  name: string;
  image: string;
  quantity: number;
  unitPrice: string;
  lineTotal: string;
};
/** A reward the server found for this cart (amounts already formatted). */
export type CartRewardView = { label: string; amount: string; total: string };

/** Quantities change at once on screen; the server's answer (new totals) replaces them. */
export function CartView({
  lines,
  subtotal,
  shipping,
  reward,
}: {
  lines: CartLineView[];
  subtotal: string;
  shipping?: string;
  reward?: CartRewardView | null;
}) {
  const [state, action] = useActionState(setQuantityAction, idle);
  const [optimistic, setOptimistic] = useOptimistic(lines, (current, change: { productId: string; quantity: number }) =>
    current.flatMap((l) =>
      l.productId !== change.productId ? [l] : change.quantity === 0 ? [] : [{ ...l, quantity: change.quantity }],
    ),
  );
  const change = (productId: string, quantity: number) => {
    const form = new FormData();
    form.set("productId", productId);
    form.set("quantity", String(quantity));
    startTransition(() => {
      setOptimistic({ productId, quantity });
      action(form);
    });
  };
  if (optimistic.length === 0) {
    return (
      <p className="text-stone-600">
        Your cart is empty.{" "}
        <Link href="/" className="text-brand-700 underline">
          Browse the shop
        </Link>
        .
      </p>
    );
  }
  return (
    <div className="space-y-6">
      <ul className="divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
        {optimistic.map((l) => (
          <li key={l.productId} className="flex items-center gap-4 p-4">
            {/* biome-ignore lint/performance/noImgElement: local SVG, nothing to optimise */}
            <img src={l.image} alt="" width={80} height={60} className="h-15 w-20 rounded-lg bg-stone-100" />
            <div className="flex-1">
              <Link href={`/products/${l.slug}`} className="font-medium hover:underline">
                {l.name}
              </Link>
              <p className="text-sm text-stone-600">{l.unitPrice} each</p>
            </div>
            <fieldset className="flex items-center gap-2" aria-label={`Quantity of ${l.name}`}>
              <button
                type="button"
                onClick={() => change(l.productId, l.quantity - 1)}
                aria-label={`One fewer ${l.name}`}
                className="h-8 w-8 rounded-full border border-stone-300"
              >
                −
              </button>
              <span aria-live="polite" className="w-6 text-center tabular-nums">
                {l.quantity}
              </span>
              <button
                type="button"
                onClick={() => change(l.productId, l.quantity + 1)}
                aria-label={`One more ${l.name}`}
                className="h-8 w-8 rounded-full border border-stone-300"
              >
                +
              </button>
            </fieldset>
            <span className="w-24 text-right tabular-nums">{l.lineTotal}</span>
            <button type="button" onClick={() => change(l.productId, 0)} className="text-sm text-stone-600 underline">
              Remove<span className="sr-only"> {l.name}</span>
            </button>
          </li>
        ))}
      </ul>
      <FormMessage state={state.status === "ok" ? idle : state} />
      <div className="flex items-center justify-between">
        <div>
          <p className="text-lg">
            Subtotal{" "}
            <span className="font-semibold tabular-nums" data-testid="cart-subtotal">
              {subtotal}
            </span>
          </p>
          {shipping && (
            <p className="text-stone-600">
              Shipping{" "}
              <span className="tabular-nums" data-testid="cart-shipping">
                {shipping}
              </span>
            </p>
          )}
          {reward && (
            <>
              <p className="text-brand-700">
                Reward: {reward.label}{" "}
                {reward.amount && (
                  <span className="tabular-nums" data-testid="cart-discount">
                    −{reward.amount}
                  </span>
                )}
              </p>
              <p className="text-lg">
                Total{" "}
                <span className="font-semibold tabular-nums" data-testid="cart-total">
                  {reward.total}
                </span>
              </p>
            </>
          )}
        </div>
        <Link href="/checkout" className="rounded-lg bg-brand-700 px-6 py-3 font-medium text-white hover:bg-brand-800">
          Go to checkout
        </Link>
      </div>
    </div>
  );
}
