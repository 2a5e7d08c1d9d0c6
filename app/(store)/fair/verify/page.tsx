import type { Metadata } from "next";
import Link from "next/link";
import { verifyReceipt } from "playcart";
import { DrawVerification } from "playcart/react";
import { getDb } from "@/db/client";
import { storeNow } from "@/lib/store/clock";

export const metadata: Metadata = { title: "Verify a draw" };

// Public: anyone may check a play's receipt, from the link under the result or pasted here.
export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ r?: string | string[] }> }) {
  const { r } = await searchParams;
  const text = typeof r === "string" ? r.slice(0, 20_000) : "";
  const verdict = text ? await verifyReceipt(await getDb(), text, await storeNow()) : null;

  return (
    <article className="mx-auto max-w-3xl space-y-8">
      <header className="space-y-2">
        <p className="text-sm font-semibold uppercase tracking-wider text-amber-700">Provably fair draws</p>
        <h1 className="font-display text-3xl font-semibold">Verify a draw</h1>
        <p className="text-stone-700">
          A play&apos;s receipt names the seed commitment it was drawn under. Once that store day is over and the seed
          is revealed, this page checks that the seed matches the commitment, that the seed and the play&apos;s id
          redraw the outcome on the receipt, and that the store&apos;s own record of the play agrees.
        </p>
      </header>

      {verdict && (
        <div
          className={`space-y-3 rounded-2xl border p-5 text-sm ${verdict.status === "verified" ? "border-brand-200 bg-brand-50" : verdict.status === "failed" ? "border-red-200 bg-red-50" : "border-stone-200 bg-white"}`}
        >
          <DrawVerification verdict={verdict} />
        </div>
      )}

      <form method="get" className="space-y-3">
        <label htmlFor="receipt" className="block font-semibold">
          Receipt
        </label>
        <textarea
          id="receipt"
          name="r"
          rows={5}
          defaultValue={text}
          required
          className="w-full rounded-xl border border-stone-300 bg-white p-3 font-mono text-xs"
          aria-describedby="receipt-help"
        />
        <p id="receipt-help" className="text-sm text-stone-600">
          Paste the receipt text, or the whole &quot;Verify this draw&quot; link.
        </p>
        <button type="submit" className="rounded-full bg-stone-900 px-5 py-2 font-semibold text-white">
          Verify
        </button>
      </form>

      <Link href="/" className="inline-block text-brand-700 underline">
        Back to the shop
      </Link>
    </article>
  );
}
