// The points liability: what the store owes in points, in money (each lot at its own value per
// point), now and at the close of each store day, with what expires soon; and its CSV.
import { getSettings, liabilityDays, pointsLiability } from "../../index.ts";
import { money } from "../format.ts";
import type { AdminPageProps } from "./page-props.ts";

export async function PointsPage({ ctx }: AdminPageProps) {
  const now = await ctx.now();
  const settings = await getSettings(ctx.db);
  const [live, days] = [
    await pointsLiability(ctx.db, now, settings.expiryReminderDays),
    await liabilityDays(ctx.db, 90),
  ];
  const m = (minor: number) => money(minor, ctx.currency);
  const figures: [id: string, label: string, points: number, minor: number][] = [
    ["available", "Available", live.available.points, live.available.valueMinor],
    ["pending", "Pending (return window open)", live.pending.points, live.pending.valueMinor],
    ["held", "On hold (disputes)", live.held.points, live.held.valueMinor],
    [
      "expiring",
      `Expiring within ${settings.expiryReminderDays} days`,
      live.expiringSoon.points,
      live.expiringSoon.valueMinor,
    ],
  ];
  const total = live.available.valueMinor + live.pending.valueMinor + live.held.valueMinor;
  return (
    <div className="playcart-admin-stack">
      <h1 className="playcart-admin-title">Points liability</h1>
      <p className="playcart-admin-small playcart-admin-muted">
        Points shoppers hold, valued in money lot by lot at the rate each was earned at. Outstanding now:{" "}
        <strong data-testid="liability-total">{m(total)}</strong>.{" "}
        {settings.pointsExpiryDays > 0
          ? `Points expire ${settings.pointsExpiryDays} days after they are earned.`
          : "Points do not expire."}{" "}
        {settings.returnWindowDays > 0
          ? `An order's points are pending for ${settings.returnWindowDays} days (the return window).`
          : "An order's points are available at once."}
      </p>
      <dl className="playcart-admin-grid">
        {figures.map(([id, label, points, minor]) => (
          <div key={id} className="playcart-admin-card">
            <dt className="playcart-admin-tiny playcart-admin-muted">{label}</dt>
            <dd className="playcart-admin-heading playcart-admin-num" data-testid={`liability-${id}`}>
              {m(minor)}
            </dd>
            <dd className="playcart-admin-tiny playcart-admin-muted">{points.toLocaleString("en-US")} points</dd>
          </div>
        ))}
      </dl>
      <p>
        <a href={ctx.href("points/export")} className="playcart-admin-link">
          Download CSV
        </a>
      </p>
      <section aria-labelledby="liability-days" className="playcart-admin-stack-sm">
        <h2 id="liability-days" className="playcart-admin-heading">
          Day by day
        </h2>
        {days.length === 0 ? (
          <p className="playcart-admin-small playcart-admin-muted">
            No day recorded yet: the engine's scheduled points run records each store day.
          </p>
        ) : (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (axe scrollable-region-focusable)
          <section className="playcart-admin-scroll" tabIndex={0} aria-label="Liability by day">
            <table className="playcart-admin-full">
              <caption className="playcart-admin-sr-only">Points liability at the close of each store day</caption>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col" className="playcart-admin-num">
                    Available
                  </th>
                  <th scope="col" className="playcart-admin-num">
                    Pending
                  </th>
                  <th scope="col" className="playcart-admin-num">
                    On hold
                  </th>
                  <th scope="col" className="playcart-admin-num">
                    Expiring soon
                  </th>
                </tr>
              </thead>
              <tbody>
                {days.map((d) => (
                  <tr key={d.storeDay} data-testid={`liability-day-${d.storeDay}`}>
                    <th scope="row">{d.storeDay}</th>
                    <td className="playcart-admin-num">{`${m(d.availableMinor)} (${d.availablePoints} pts)`}</td>
                    <td className="playcart-admin-num">{`${m(d.pendingMinor)} (${d.pendingPoints} pts)`}</td>
                    <td className="playcart-admin-num">{`${m(d.heldMinor)} (${d.heldPoints} pts)`}</td>
                    <td className="playcart-admin-num">{`${m(d.expiringMinor)} (${d.expiringPoints} pts)`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </section>
    </div>
  );
}
