import { budgetMeter, listCampaigns, storeDay } from "../../index.ts";
import { BudgetMeter } from "../components/budget-meter.tsx";
import type { AdminPageProps } from "./page-props.ts";

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

export async function CampaignsPage({ ctx }: AdminPageProps) {
  const rows = await listCampaigns(ctx.db);
  const today = storeDay(await ctx.now(), ctx.timeZone);
  return (
    <div className="playcart-admin-stack">
      <div className="playcart-admin-row playcart-admin-between">
        <h1 className="playcart-admin-title">Campaigns</h1>
        <a href={ctx.href("campaigns/new")} className="playcart-admin-button playcart-admin-strong">
          New campaign
        </a>
      </div>
      <div className="playcart-admin-scroll">
        <table className="playcart-admin-full playcart-admin-wide playcart-admin-small">
          <thead className="playcart-admin-muted">
            <tr>
              <th className="playcart-admin-normal">Campaign</th>
              <th className="playcart-admin-normal">Game</th>
              <th className="playcart-admin-normal">Placement</th>
              <th className="playcart-admin-normal">Status</th>
              <th className="playcart-admin-normal">Holdout</th>
              <th className="playcart-admin-normal">Budget</th>
            </tr>
          </thead>
          <tbody className="playcart-admin-divided">
            {rows.map((c) => (
              <tr key={c.id}>
                <td className="">
                  <a href={ctx.href(`campaigns/${c.id}`)} className="playcart-admin-link">
                    {c.name}
                  </a>
                </td>
                <td>{GAME[c.gameType] ?? c.gameType}</td>
                <td>{PLACEMENT[c.placement] ?? c.placement}</td>
                <td>{c.status}</td>
                <td className="playcart-admin-num">{c.holdoutPercent}%</td>
                <td>
                  <BudgetMeter meter={budgetMeter(c, today)} currency={ctx.currency} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
