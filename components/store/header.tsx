import Link from "next/link";
import { RewardsLauncher } from "@/components/store/rewards-launcher-part";
import { getDb } from "@/db/client";
import { paymentsMode } from "@/lib/env";
import { loadCart } from "@/lib/store/cart";
import { playcartEngaged } from "@/lib/store/engage";
import { currentShopper } from "@/lib/store/owner";

export async function Header() {
  const shopper = await currentShopper();
  const cart = await loadCart(await getDb(), shopper);
  const count = cart.totals.itemCount;
  const engage = await playcartEngaged();
  return (
    <header className="border-b border-stone-200 bg-white/80 backdrop-blur">
      {paymentsMode() === "test" && (
        <p className="bg-amber-100 px-4 py-1 text-center text-xs font-medium text-amber-900">
          Test mode: payments are simulated, no card is charged.
        </p>
      )}
      {/* On a phone: the name and the cart on one line, the other links on a second; nothing wraps inside a link. */}
      <nav
        aria-label="Main"
        className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:flex-nowrap sm:py-4"
      >
        <Link href="/" className="whitespace-nowrap font-display text-xl font-semibold tracking-tight text-brand-800">
          Corner Roastery
        </Link>
        <span className="hidden whitespace-nowrap rounded-full bg-brand-50 px-2 py-0.5 text-xs text-brand-700 sm:inline">
          with Playcart
        </span>
        <div className="order-last flex w-full flex-wrap items-center gap-x-4 gap-y-1 text-sm sm:order-none sm:ml-auto sm:w-auto sm:gap-5">
          <Link href="/" className="hover:underline">
            Shop
          </Link>
          <Link href="/advent" className="hover:underline">
            Advent
          </Link>
          {shopper.viewer?.isAdmin && (
            <Link href="/admin" className="hover:underline">
              Admin
            </Link>
          )}
          {shopper.viewer ? (
            <Link href="/account" className="hover:underline">
              Account
            </Link>
          ) : (
            <Link href="/signin" className="hover:underline">
              Sign in
            </Link>
          )}
          {/* Playcart's rewards panel on every page, in the header: a floating button would cover the pay button on a phone. */}
          {engage && <RewardsLauncher endpoint="/api/playcart/panel" joinHref="/signin" floating={false} />}
        </div>
        <Link
          href="/cart"
          aria-label={`Cart, ${count} items`}
          className="ml-auto whitespace-nowrap rounded-full bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 sm:ml-0"
        >
          Cart ({count})
        </Link>
      </nav>
    </header>
  );
}
