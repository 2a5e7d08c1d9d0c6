// The chart's figures as a table, one row per store day, with the period's total: the same
// rows the CSV writes, and a total equal to the funnel's tiles (kpiReport sums the days).
import type { DailyRow } from "../../index.ts";
import { money } from "../format.ts";

type Total = Omit<DailyRow, "day">;

const COLUMNS: [keyof Total, string][] = [
  ["views", "Checkout views"],
  ["offers", "Offers"],
  ["plays", "Plays"],
  ["wins", "Wins"],
  ["orders", "Paid orders"],
  ["revenueMinor", "Revenue"],
];

export function KpiDailyTable({ days, total, currency }: { days: DailyRow[]; total: Total; currency: string }) {
  if (days.length === 0) return null;
  const cell = (row: Total, key: keyof Total) =>
    key === "revenueMinor" ? money(row[key], currency) : row[key].toLocaleString("en-US");
  return (
    // Scrolls on its own on a phone (and takes focus, so a keyboard can scroll it too).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (axe scrollable-region-focusable)
    <section className="playcart-admin-scroll" aria-label="Day by day" tabIndex={0}>
      <table className="playcart-admin-full">
        <caption className="playcart-admin-sr-only">Day by day, in store days</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            {COLUMNS.map(([key, label]) => (
              <th key={key} scope="col" className="playcart-admin-num">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.day} data-testid={`day-${d.day}`}>
              <th scope="row">{d.day}</th>
              {COLUMNS.map(([key]) => (
                <td key={key} className="playcart-admin-num">
                  {cell(d, key)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="day-total">
            <th scope="row">Total</th>
            {COLUMNS.map(([key]) => (
              <td key={key} className="playcart-admin-num">
                {cell(total, key)}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
