import Link from "next/link";

const sections = [
  { href: "/admin", label: "Orders" },
  { href: "/admin/campaigns", label: "Campaigns" },
  { href: "/admin/kpis", label: "KPIs" },
  { href: "/admin/customers", label: "Customers" },
  { href: "/admin/settings", label: "Settings" },
  { href: "/admin/audit", label: "Audit trail" },
  { href: "/admin/outbox", label: "Dev outbox" },
];

// Navigation only: every page checks the viewer itself (a layout is not re-run on every navigation).
export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="space-y-6">
      <nav aria-label="Admin" className="-mx-4 overflow-x-auto border-b border-stone-200 px-4 pb-3 text-sm">
        <ul className="flex min-w-max items-center gap-4">
          <li className="font-semibold">Playcart admin</li>
          {sections.map((s) => (
            <li key={s.href}>
              <Link href={s.href} className="underline underline-offset-2 hover:text-brand-700">
                {s.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </div>
  );
}
