// CSV of the points liability by store day (and the live figures as of the download), behind
// the host's authorize like the KPI export.
import { getSettings, liabilityDays, pointsLiability } from "../index.ts";
import type { AdminConfig } from "./config.ts";
import { csvRow } from "./csv-cell.ts";
import { csvDownload } from "./csv-download.ts";

const HEADER =
  "day,available_points,available_minor,pending_points,pending_minor,held_points,held_minor,expiring_soon_points,expiring_soon_minor";

/** The handler the host mounts where the points page links (basePath/points/export). */
export function exportPointsCsv(config: AdminConfig, _request: Request): Promise<Response> {
  return csvDownload(config, async (ctx) => {
    const now = await ctx.now();
    const { expiryReminderDays } = await getSettings(ctx.db);
    const live = await pointsLiability(ctx.db, now, expiryReminderDays);
    const days = await liabilityDays(ctx.db, 3650);
    const rows = [
      HEADER,
      csvRow([
        `now ${now.toISOString()}`,
        live.available.points,
        live.available.valueMinor,
        live.pending.points,
        live.pending.valueMinor,
        live.held.points,
        live.held.valueMinor,
        live.expiringSoon.points,
        live.expiringSoon.valueMinor,
      ]),
      ...days.map((d) =>
        csvRow([
          d.storeDay,
          d.availablePoints,
          d.availableMinor,
          d.pendingPoints,
          d.pendingMinor,
          d.heldPoints,
          d.heldMinor,
          d.expiringPoints,
          d.expiringMinor,
        ]),
      ),
    ];
    return { filename: "playcart-points-liability.csv", lines: rows };
  });
}
