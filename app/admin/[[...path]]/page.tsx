import "playcart/admin.css";
import type { Metadata } from "next";
import { type AdminActionState, PlaycartAdmin } from "playcart/admin";
import { GameLauncher } from "playcart/react";
import { OrdersPage } from "@/components/store-admin/orders";
import { OutboxPage } from "@/components/store-admin/outbox";
import { playcartAdmin } from "@/lib/playcart-admin";

export const metadata: Metadata = { title: "Admin" };

// The admin's forms post here; playcartAdmin.act checks the demo's admin guard before each.
async function playcartAdminAction(name: string, prev: AdminActionState, form: FormData) {
  "use server";
  return playcartAdmin.act(name, prev, form);
}

type Props = {
  params: Promise<{ path?: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default function AdminPage(props: Props) {
  return (
    <PlaycartAdmin
      params={props.params}
      searchParams={props.searchParams}
      admin={playcartAdmin}
      action={playcartAdminAction}
      GameLauncher={GameLauncher}
      oddsHref={(slug) => `/odds/${slug}`}
      rulesHref={(slug) => `/rules/${slug}`}
      pages={[
        { path: "", label: "Orders", render: () => <OrdersPage /> },
        { path: "outbox", label: "Dev outbox", render: () => <OutboxPage /> },
      ]}
    />
  );
}
