import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { allowedTransitions, campaignWithPrizes, toDraft } from "playcart";
import { z } from "zod";
import { CampaignEditor } from "@/components/admin/campaign-editor";
import { CampaignStatus } from "@/components/admin/campaign-status";
import { Forbidden } from "@/components/admin/forbidden";
import { getDb } from "@/db/client";
import { adminViewerOrRedirect } from "@/lib/auth/admin-page";
import { editorContext } from "../editor-context";

export const metadata: Metadata = { title: "Campaign" };

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!(await adminViewerOrRedirect(`/admin/campaigns/${id}`))) return <Forbidden />;
  if (!z.uuid().safeParse(id).success) notFound();
  const db = await getDb();
  const found = await campaignWithPrizes(db, id);
  if (!found) notFound();
  const ctx = await editorContext(db);
  const stats = Object.fromEntries(
    found.prizes.map((p) => [p.id, { wins: p.wins, valueAwardedMinor: p.valueAwardedMinor }]),
  );
  const { campaign } = found;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="font-display text-3xl font-semibold">{campaign.name}</h1>
          <p className="text-sm text-stone-600">
            <Link href={`/admin/kpis?campaign=${campaign.id}`} className="underline">
              KPIs for this campaign
            </Link>
            {campaign.status !== "draft" && (
              <>
                {" "}
                ·{" "}
                <Link href={`/odds/${campaign.slug}`} className="underline">
                  Public odds page
                </Link>
              </>
            )}
          </p>
        </div>
        <CampaignStatus id={campaign.id} status={campaign.status} allowed={allowedTransitions(campaign.status)} />
      </div>
      {/* key: a status change or save re-renders with the stored campaign. */}
      <CampaignEditor
        key={campaign.updatedAt.toISOString()}
        campaignId={campaign.id}
        draft={toDraft(campaign, found.prizes)}
        prizeStats={stats}
        readOnly={campaign.status === "ended"}
        {...ctx}
      />
    </div>
  );
}
