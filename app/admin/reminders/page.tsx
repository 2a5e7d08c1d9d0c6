import type { Metadata } from "next";
import { recentReminders, recoveredOrders } from "playcart";
import { Forbidden } from "@/components/admin/forbidden";
import { getDb } from "@/db/client";
import { adminViewerOrRedirect } from "@/lib/auth/admin-page";
import { formatMoney } from "@/lib/store/money";

export const metadata: Metadata = { title: "Cart reminders" };

const label = (ref: string) => ref.slice(0, 8).toUpperCase();

export default async function RemindersPage() {
  if (!(await adminViewerOrRedirect("/admin/reminders"))) return <Forbidden />;
  const db = await getDb();
  const [recovered, reminders] = await Promise.all([recoveredOrders(db), recentReminders(db)]);
  return (
    <div className="space-y-8">
      <h1 className="font-display text-3xl font-semibold">Cart reminders</h1>
      <section aria-labelledby="recovered-heading" className="space-y-2">
        <h2 id="recovered-heading" className="text-xl font-semibold">
          Recovered orders
        </h2>
        <p className="text-sm text-stone-600">Orders paid within 7 days of a click on a reminder.</p>
        <table className="w-full text-left text-sm">
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
                <td>{formatMoney(r.value_minor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="reminders-heading" className="space-y-2">
        <h2 id="reminders-heading" className="text-xl font-semibold">
          Latest reminders
        </h2>
        <table className="w-full text-left text-sm">
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
