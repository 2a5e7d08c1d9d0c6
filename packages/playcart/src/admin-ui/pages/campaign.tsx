import { notFound } from "next/navigation.js";
import { z } from "zod";
import { allowedTransitions, budgetMeter, budgetSpent, campaignWithPrizes, storeDay, toDraft } from "../../index.ts";
import { CampaignEditor } from "../components/campaign-editor.tsx";
import { CampaignStatus } from "../components/campaign-status.tsx";
import { ForecastPanel } from "../components/forecast-panel.tsx";
import { editorContext } from "../editor-context.ts";
import type { AdminPageProps } from "./page-props.ts";

export async function CampaignPage({ ctx, id, oddsHref, rulesHref }: AdminPageProps) {
  if (!z.uuid().safeParse(id).success) notFound();
  const db = ctx.db;
  const found = await campaignWithPrizes(db, id);
  if (!found) notFound();
  const editor = await editorContext(ctx);
  const stats = Object.fromEntries(
    found.prizes.map((p) => [p.id, { wins: p.wins, valueAwardedMinor: p.valueAwardedMinor }]),
  );
  const { campaign } = found;
  const today = storeDay(new Date(editor.now), editor.timeZone);
  return (
    <div className="playcart-admin-stack">
      <div className="playcart-admin-row playcart-admin-between">
        <div>
          <h1 className="playcart-admin-title">{campaign.name}</h1>
          <p className="playcart-admin-small playcart-admin-muted">
            <a href={ctx.href(`kpis?campaign=${campaign.id}`)} className="playcart-admin-link">
              KPIs for this campaign
            </a>
            {campaign.status !== "draft" && oddsHref && (
              <>
                {" "}
                ·{" "}
                <a href={oddsHref(campaign.slug)} className="playcart-admin-link">
                  Public odds page
                </a>
              </>
            )}
            {campaign.status !== "draft" && rulesHref && (
              <>
                {" "}
                ·{" "}
                <a href={rulesHref(campaign.slug)} className="playcart-admin-link">
                  Official rules
                </a>
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
        meter={budgetMeter(campaign, today)}
        spentOut={budgetSpent(campaign, found.prizes, today)}
        {...editor}
      />
      <ForecastPanel campaignId={campaign.id} currency={ctx.currency} />
    </div>
  );
}
