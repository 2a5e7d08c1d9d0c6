// The first-run checklist on the admin's home: what a new store still has to do, each item
// linked to where it is done. Hidden once everything is done.
import type { SetupItem } from "../../admin/index.ts";

export function SetupChecklist({ items, href }: { items: SetupItem[]; href: (path: string) => string }) {
  const done = items.filter((i) => i.done).length;
  if (done === items.length) return null;
  return (
    <section aria-labelledby="setup-heading" className="playcart-admin-card playcart-admin-stack-sm">
      <h2 id="setup-heading" className="playcart-admin-heading">
        Get your store ready
      </h2>
      <p className="playcart-admin-small playcart-admin-muted">
        {done} of {items.length} done
      </p>
      <ul aria-label="Setup checklist" className="playcart-admin-stack-sm">
        {items.map((item) => (
          <li key={item.key} data-testid={`setup-${item.key}`} data-done={item.done}>
            <span className={item.done ? "playcart-admin-ok" : "playcart-admin-warning"}>
              {item.done ? "Done" : "To do"}
            </span>
            {": "}
            <strong>{item.label}</strong>
            <span className="playcart-admin-small playcart-admin-muted"> ({item.detail}) </span>
            {!item.done && (
              <a
                className="playcart-admin-link playcart-admin-small"
                href={item.how === null ? href("campaigns/new") : href(`setup#${item.key}`)}
              >
                {item.action}
              </a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
