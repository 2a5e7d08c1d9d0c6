import type { Metadata } from "next";
import Link from "next/link";
import { allRules } from "playcart";
import { RULE_STATUSES } from "playcart/schema";
import { Forbidden } from "@/components/admin/forbidden";
import { RuleStatusForm } from "@/components/admin/rule-status-form";
import { getDb } from "@/db/client";
import { adminViewerOrRedirect } from "@/lib/auth/admin-page";

export const metadata: Metadata = { title: "Rules" };

export default async function RulesPage() {
  if (!(await adminViewerOrRedirect("/admin/settings/rules"))) return <Forbidden />;
  const rules = await allRules(await getDb());
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/settings" className="underline">
          Settings
        </Link>
      </p>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="font-display text-3xl font-semibold">Rules</h1>
        <Link href="/admin/settings/rules/new" className="rounded-lg bg-brand-700 px-4 py-2 text-white">
          New rule
        </Link>
      </div>
      <p className="text-sm text-stone-600">
        Each live rule runs on every event of its trigger: if its condition holds, its outcomes happen once. Referral
        rewards are rules on referral.converted.
      </p>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[36rem] text-left text-sm">
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Trigger</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.id} className="border-t border-stone-200 align-top">
                <td className="py-2">
                  <Link href={`/admin/settings/rules/${r.id}`} className="underline">
                    {r.name}
                  </Link>
                </td>
                <td className="py-2 font-mono text-xs">{r.trigger}</td>
                <td className="py-2">
                  <RuleStatusForm id={r.id} status={r.status} name={r.name} statuses={RULE_STATUSES} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
