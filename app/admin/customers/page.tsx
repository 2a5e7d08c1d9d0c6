import type { Metadata } from "next";
import Link from "next/link";
import { Forbidden } from "@/components/admin/forbidden";
import { getDb } from "@/db/client";
import { adminViewerOrRedirect } from "@/lib/auth/admin-page";
import { searchCustomers } from "./search";

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  if (!(await adminViewerOrRedirect("/admin/customers"))) return <Forbidden />;
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : (raw ?? "")).slice(0, 100);
  const rows = await searchCustomers(await getDb(), q);
  return (
    <div className="space-y-4">
      <h1 className="font-display text-3xl font-semibold">Customers</h1>
      <search>
        <form method="get" className="flex flex-wrap gap-2">
          <label htmlFor="customer-q" className="sr-only">
            Search by email or name
          </label>
          <input
            id="customer-q"
            name="q"
            defaultValue={q}
            placeholder="Email or name"
            className="w-72 max-w-full rounded border border-stone-300 px-3 py-1.5"
          />
          <button type="submit" className="rounded-lg bg-stone-900 px-4 py-1.5 font-medium text-white">
            Search
          </button>
        </form>
      </search>
      {rows.length === 0 ? (
        <p className="text-sm text-stone-600">No customers match{q ? ` “${q}”` : ""}.</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
          {rows.map((c) => (
            <li key={c.id} className="flex flex-wrap justify-between gap-2 p-3">
              <Link href={`/admin/customers/${c.id}`} className="font-medium underline underline-offset-2">
                {c.email}
              </Link>
              <span className="text-sm text-stone-600">
                {c.name ?? "Guest"} · since {c.since.toISOString().slice(0, 10)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
