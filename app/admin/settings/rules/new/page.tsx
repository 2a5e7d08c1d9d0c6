import type { Metadata } from "next";
import Link from "next/link";
import { Forbidden } from "@/components/admin/forbidden";
import { RuleEditor } from "@/components/admin/rule-editor";
import { getDb } from "@/db/client";
import { adminViewerOrRedirect } from "@/lib/auth/admin-page";
import { ruleEditorOptions } from "../editor-options";

export const metadata: Metadata = { title: "New rule" };

export default async function NewRulePage() {
  if (!(await adminViewerOrRedirect("/admin/settings/rules/new"))) return <Forbidden />;
  const db = await getDb();
  const blank = {
    slug: "",
    name: "",
    trigger: "order.paid",
    status: "draft",
    campaignId: null,
    position: 0,
    condition: true,
    outcomes: [{ type: "grant_points", points: 10 }],
  };
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/admin/settings/rules" className="underline">
          Rules
        </Link>
      </p>
      <h1 className="font-display text-3xl font-semibold">New rule</h1>
      <RuleEditor rule={blank} {...(await ruleEditorOptions(db))} />
    </div>
  );
}
