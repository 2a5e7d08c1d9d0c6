import "playcart/admin.css";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { type AdminActionState, createPlaycartAdmin, PlaycartAdmin, type PlaycartAdminProps } from "playcart/admin";
import { getDb } from "@/db/client";

// The store's own authorisation: its admin token cookie, checked by this page and by every admin action.
const isOwner = async () => (await cookies()).get("store_admin")?.value === (process.env.STORE_ADMIN_TOKEN || null);
const admin = createPlaycartAdmin({
  basePath: "/admin/playcart",
  db: getDb,
  currency: "eur",
  timeZone: "Europe/Berlin",
  authorize: async () => ((await isOwner()) ? { actor: "owner" } : "forbidden"),
});

async function action(name: string, prev: AdminActionState, form: FormData) {
  "use server";
  return admin.act(name, prev, form);
}

export default async function PlaycartAdminPage(props: Pick<PlaycartAdminProps, "params" | "searchParams">) {
  if (!(await isOwner())) notFound();
  return <PlaycartAdmin {...props} admin={admin} action={action} />;
}
