import { type CampaignDraft, campaignTemplates, getSettings, prizeDraft } from "../../index.ts";
import { CampaignEditor } from "../components/campaign-editor.tsx";
import { TemplatePicker } from "../components/template-picker.tsx";
import { editorContext } from "../editor-context.ts";
import type { AdminPageProps } from "./page-props.ts";

const NEW: CampaignDraft = {
  name: "",
  slug: "",
  gameType: "spin_wheel",
  placement: "checkout_first_order",
  audience: true,
  startsAt: null,
  endsAt: null,
  season: null,
  windows: [],
  allowance: { default: 1 },
  lifetimeLimit: null,
  rewardScope: "this_order",
  rewardValidDays: 7,
  holdoutPercent: 10,
  budgetTotalMinor: null,
  budgetDailyMinor: null,
  freeEntry: false,
  everyPlayWins: false,
  extraTerms: null,
  prizes: [prizeDraft({ label: "10% off", weight: 1, rewardType: "percent_off", rewardValue: 10 })],
};

export async function NewCampaignPage({ ctx }: AdminPageProps) {
  const editor = await editorContext(ctx);
  const templates = campaignTemplates((await getSettings(ctx.db)).tiers).map(({ key, title, summary }) => ({
    key,
    title,
    summary,
  }));
  return (
    <div className="playcart-admin-stack">
      <h1 className="playcart-admin-title">New campaign</h1>
      <TemplatePicker templates={templates} />
      <h2 className="playcart-admin-heading">Or build it yourself</h2>
      <CampaignEditor campaignId={null} draft={NEW} prizeStats={{}} {...editor} />
    </div>
  );
}
