import { notFound } from "next/navigation.js";
import { setupChecklist } from "../../index.ts";
import type { AdminPageProps } from "./page-props.ts";

/** The first-run checklist in full: each setting's value and how to set it. */
export async function SetupPage({ ctx }: AdminPageProps) {
  if (!ctx.setup) notFound();
  const items = await setupChecklist(ctx.db, await ctx.setup());
  return (
    <div className="playcart-admin-stack">
      <h1 className="playcart-admin-title">Store setup</h1>
      <ul className="playcart-admin-stack">
        {items.map((item) => (
          <li key={item.key} id={item.key} className="playcart-admin-card playcart-admin-stack-sm">
            <h2 className="playcart-admin-heading">
              {item.label}: {item.done ? "done" : "to do"}
            </h2>
            <p className="playcart-admin-small">Now: {item.detail}</p>
            {item.how ? (
              <p className="playcart-admin-small">{item.how}</p>
            ) : (
              <p className="playcart-admin-small">
                <a className="playcart-admin-link" href={ctx.href("campaigns/new")}>
                  Start a campaign from a template
                </a>
                , run its forecast, then publish it.
              </p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
