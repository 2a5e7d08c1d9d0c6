"use client";

import { useId, useRef, useState } from "react";

export type AdminNavLink = { href: string; label: string };

/**
 * The admin's sections, the host's own among them. Every page checks access itself. On a
 * narrow screen the list folds behind a "Menu" disclosure button, so every item stays one tap
 * away instead of scrolling out of sight; from 48rem up it is a plain row of links.
 */
export function AdminNav({ links, current }: { links: AdminNavLink[]; current?: string }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  return (
    <nav
      aria-label="Admin"
      className="playcart-admin-nav"
      onKeyDown={(e) => {
        if (e.key !== "Escape" || !open) return;
        setOpen(false);
        toggle.current?.focus();
      }}
    >
      <div className="playcart-admin-nav-bar">
        <span className="playcart-admin-strong">Playcart admin</span>
        <button
          ref={toggle}
          type="button"
          className="playcart-admin-button-secondary playcart-admin-nav-toggle"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((o) => !o)}
        >
          Menu
        </button>
      </div>
      <ul id={listId} data-open={open ? "" : undefined}>
        {links.map((s) => (
          <li key={s.href}>
            <a href={s.href} className="playcart-admin-link" aria-current={s.href === current ? "page" : undefined}>
              {s.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
