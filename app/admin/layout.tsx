import Link from "next/link";

export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="space-y-6">
      <nav aria-label="Admin" className="flex gap-4 border-b border-stone-200 pb-3 text-sm">
        <span className="font-semibold">Playcart admin</span>
        <Link href="/admin" className="underline">Orders</Link>
        <Link href="/admin/outbox" className="underline">Dev outbox</Link>
      </nav>
      {children}
    </div>
  );
}
