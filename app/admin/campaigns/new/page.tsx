import type { Metadata } from "next";
import type { CampaignDraft } from "playcart";
import { CampaignEditor } from "@/components/admin/campaign-editor";
import { Forbidden } from "@/components/admin/forbidden";
import { getDb } from "@/db/client";
import { adminViewerOrRedirect } from "@/lib/auth/admin-page";
import { editorContext } from "../editor-context";

export const metadata: Metadata = { title: "New campaign" };

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
  prizes: [
    {
      label: "10% off",
      weight: 1,
      rewardType: "percent_off",
      rewardValue: 10,
      productRef: null,
      maxDiscountMinor: null,
      costMinor: 0,
      inventory: null,
      budgetValueMinor: null,
      dailyCap: null,
    },
  ],
};

export default async function NewCampaignPage() {
  if (!(await adminViewerOrRedirect("/admin/campaigns/new"))) return <Forbidden />;
  const ctx = await editorContext(await getDb());
  return (
    <div className="space-y-4">
      <h1 className="font-display text-3xl font-semibold">New campaign</h1>
      <CampaignEditor campaignId={null} draft={NEW} prizeStats={{}} {...ctx} />
    </div>
  );
}
