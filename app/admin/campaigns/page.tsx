import type { Metadata } from "next";
import Link from "next/link";
import { listCampaigns } from "playcart";
import { Forbidden } from "@/components/admin/forbidden";
import { getDb } from "@/db/client";
import { adminViewerOrRedirect } from "@/lib/auth/admin-page";

export const metadata: Metadata = { title: "Campaigns" };

const GAME = {
  spin_wheel: "Spin the wheel",
  shake_tree: "Shake the tree",
  scratch_card: "Scratch card",
  advent_calendar: "Advent calendar",
} as Record<string, string>;
const PLACEMENT = {
  checkout_first_order: "Checkout, first order",
  checkout_returning: "Checkout, returning shopper",
} as Record<string, string>;

export default async function CampaignsPage() {
  if (!(await adminViewerOrRedirect("/admin/campaigns"))) return <Forbidden />;
  const rows = await listCampaigns(await getDb());
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="font-display text-3xl font-semibold">Campaigns</h1>
        <Link
          href="/admin/campaigns/new"
          className="rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
        >
          New campaign
        </Link>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[36rem] text-sm">
          <thead className="text-left text-stone-600">
            <tr>
              <th className="py-2 font-normal">Campaign</th>
              <th className="font-normal">Game</th>
              <th className="font-normal">Placement</th>
              <th className="font-normal">Status</th>
              <th className="font-normal">Holdout</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200">
            {rows.map((c) => (
              <tr key={c.id}>
                <td className="py-2">
                  <Link href={`/admin/campaigns/${c.id}`} className="underline underline-offset-2">
                    {c.name}
                  </Link>
                </td>
                <td>{GAME[c.gameType] ?? c.gameType}</td>
                <td>{PLACEMENT[c.placement] ?? c.placement}</td>
                <td>{c.status}</td>
                <td className="tabular-nums">{c.holdoutPercent}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
