import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ruleById } from "playcart";
import { Forbidden } from "@/components/admin/forbidden";
import { RuleEditor } from "@/components/admin/rule-editor";
import { getDb } from "@/db/client";
import { adminViewerOrRedirect } from "@/lib/auth/admin-page";
import { ruleEditorOptions } from "../editor-options";

export const metadata: Metadata = { title: "Rule" };

export default async function RulePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!(await adminViewerOrRedirect(`/admin/settings/rules/${id}`))) return <Forbidden />;
  const db = await getDb();
  const rule = await ruleById(db, id);
  if (!rule) notFound();
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/admin/settings/rules" className="underline">
          Rules
        </Link>
      </p>
      <h1 className="font-display text-3xl font-semibold">{rule.name}</h1>
      <RuleEditor rule={rule} {...(await ruleEditorOptions(db))} />
    </div>
  );
}
