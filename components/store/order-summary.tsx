import { formatMoney } from "@/lib/store/money";

type Line = { key: string; name: string; quantity: number; lineTotalMinor: number };
type Totals = { subtotalMinor: number; discountMinor: number; shippingMinor?: number; totalMinor: number };

export function OrderSummary({
  lines,
  totals,
  currency,
  discountLabel,
  children,
}: {
  lines: Line[];
  totals: Totals;
  currency?: string;
  discountLabel?: string | null;
  children?: React.ReactNode;
}) {
  return (
    <section aria-labelledby="summary-heading" className="rounded-2xl border border-stone-200 bg-white p-6">
      <h2 id="summary-heading" className="text-lg font-medium">
        Order summary
      </h2>
      <ul className="mt-4 space-y-2 text-sm">
        {lines.map((l) => (
          <li key={l.key} className="flex justify-between gap-4">
            <span>
              {l.name} × {l.quantity}
            </span>
            <span className="tabular-nums">{formatMoney(l.lineTotalMinor, currency)}</span>
          </li>
        ))}
      </ul>
      <dl className="mt-4 space-y-1 border-t border-stone-200 pt-4 text-sm">
        <div className="flex justify-between">
          <dt>Subtotal</dt>
          <dd className="tabular-nums">{formatMoney(totals.subtotalMinor, currency)}</dd>
        </div>
        {discountLabel && totals.discountMinor === 0 && (
          <div className="flex justify-between text-brand-700">
            <dt>Reward: {discountLabel}</dt>
            <dd>applied</dd>
          </div>
        )}
        {totals.discountMinor > 0 && (
          <div className="flex justify-between text-brand-700">
            <dt>Reward{discountLabel ? `: ${discountLabel}` : ""}</dt>
            <dd className="tabular-nums" data-testid="order-discount">
              −{formatMoney(totals.discountMinor, currency)}
            </dd>
          </div>
        )}
        {totals.shippingMinor !== undefined && (
          <div className="flex justify-between">
            <dt>Shipping</dt>
            <dd className="tabular-nums" data-testid="order-shipping">
              {totals.shippingMinor > 0 ? formatMoney(totals.shippingMinor, currency) : "Free"}
            </dd>
          </div>
        )}
        <div className="flex justify-between text-base font-semibold">
          <dt>Total</dt>
          <dd className="tabular-nums" data-testid="order-total">
            {formatMoney(totals.totalMinor, currency)}
          </dd>
        </div>
      </dl>
      {children}
    </section>
  );
}
