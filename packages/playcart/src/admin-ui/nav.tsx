export type AdminNavLink = { href: string; label: string };

/** The admin's sections, the host's own among them. Every page checks access itself. */
export function AdminNav({ links }: { links: AdminNavLink[] }) {
  return (
    <nav aria-label="Admin" className="playcart-admin-nav">
      <ul>
        <li className="playcart-admin-strong">Playcart admin</li>
        {links.map((s) => (
          <li key={s.href}>
            <a href={s.href} className="playcart-admin-link">
              {s.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
