import { searchCustomers } from "../search.ts";
import type { AdminPageProps } from "./page-props.ts";

export async function CustomersPage({ ctx, searchParams }: AdminPageProps) {
  const raw = searchParams.q;
  const q = (Array.isArray(raw) ? raw[0] : (raw ?? "")).slice(0, 100);
  const rows = await searchCustomers(ctx, q);
  return (
    <div className="playcart-admin-stack">
      <h1 className="playcart-admin-title">Customers</h1>
      <search>
        <form method="get" className="playcart-admin-row">
          <label htmlFor="customer-q" className="playcart-admin-sr-only">
            Search by email or name
          </label>
          <input
            id="customer-q"
            name="q"
            defaultValue={q}
            placeholder="Email or name"
            className="playcart-admin-input playcart-admin-narrow"
          />
          <button type="submit" className="playcart-admin-button playcart-admin-strong">
            Search
          </button>
        </form>
      </search>
      {rows.length === 0 ? (
        <p className="playcart-admin-small playcart-admin-muted">No customers match{q ? ` “${q}”` : ""}.</p>
      ) : (
        <ul className="playcart-admin-card playcart-admin-divided">
          {rows.map((c) => (
            <li key={c.id} className="playcart-admin-row playcart-admin-between">
              <a href={ctx.href(`customers/${c.id}`)} className="playcart-admin-strong playcart-admin-link">
                {c.email}
              </a>
              <span className="playcart-admin-small playcart-admin-muted">
                {c.name ?? "Guest"} · since {c.since.toISOString().slice(0, 10)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
