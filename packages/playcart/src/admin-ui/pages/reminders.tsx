import { recentReminders, recoveredOrders } from "../../index.ts";
import { money } from "../format.ts";
import type { AdminPageProps } from "./page-props.ts";

const label = (ref: string) => ref.slice(0, 8).toUpperCase();

export async function RemindersPage({ ctx }: AdminPageProps) {
  const db = ctx.db;
  const [recovered, reminders] = await Promise.all([recoveredOrders(db), recentReminders(db)]);
  return (
    <div className="playcart-admin-stack-lg">
      <h1 className="playcart-admin-title">Cart reminders</h1>
      <section aria-labelledby="recovered-heading" className="playcart-admin-stack-sm">
        <h2 id="recovered-heading" className="playcart-admin-heading">
          Recovered orders
        </h2>
        <p className="playcart-admin-small playcart-admin-muted">Orders paid within 7 days of a click on a reminder.</p>
        <table className="playcart-admin-full playcart-admin-small">
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Campaign</th>
              <th scope="col">Revenue</th>
            </tr>
          </thead>
          <tbody>
            {recovered.map((r) => (
              <tr key={r.order_ref}>
                <td>{label(r.order_ref)}</td>
                <td>{r.campaign ?? "Default sequence"}</td>
                <td>{money(r.value_minor, ctx.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="reminders-heading" className="playcart-admin-stack-sm">
        <h2 id="reminders-heading" className="playcart-admin-heading">
          Latest reminders
        </h2>
        <table className="playcart-admin-full playcart-admin-small">
          <thead>
            <tr>
              <th scope="col">Contact</th>
              <th scope="col">Step</th>
              <th scope="col">Status</th>
              <th scope="col">Due</th>
              <th scope="col">Channels</th>
            </tr>
          </thead>
          <tbody>
            {reminders.map((r) => (
              <tr key={r.id}>
                <td>{r.email}</td>
                <td>{r.step}</td>
                <td>
                  {r.status}
                  {r.outcome && r.outcome !== "sent" ? ` (${r.outcome})` : ""}
                </td>
                <td>{new Date(r.due_at).toISOString().slice(0, 16).replace("T", " ")} UTC</td>
                <td>{r.channels?.join(", ") ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
