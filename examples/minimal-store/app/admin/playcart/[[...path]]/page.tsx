import "playcart/admin.css";
import { type AdminActionState, PlaycartAdmin, type PlaycartAdminPageProps } from "playcart/admin";
import { playcart } from "@/lib/playcart";

// The admin's forms post to this one server function of the store's; each is authorised first.
async function action(name: string, prev: AdminActionState, form: FormData) {
  "use server";
  return playcart.admin.act(name, prev, form);
}

export default (props: PlaycartAdminPageProps) => <PlaycartAdmin {...props} admin={playcart.admin} action={action} />;
