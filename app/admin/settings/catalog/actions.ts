"use server";

import { revalidatePath } from "next/cache";
import { saveCatalogItem, setCatalogItemActive } from "playcart";
import { z } from "zod";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { adminAction } from "../../admin-action";
import { formCheckbox } from "../form-values";
import { catalogItemForm } from "./item-form";

const refresh = () => {
  revalidatePath("/admin/settings/catalog");
  revalidatePath("/account");
};

/** Creates or edits a catalog item; the core validates every value and audits the change. */
export const saveCatalogItemAction = adminAction(
  z.lazy(() => catalogItemForm(env().STORE_CURRENCY)),
  async (input, admin) => {
    const row = await saveCatalogItem(await getDb(), admin.email, {
      ...input,
      rewardType: input.rewardType as never,
      position: input.position ?? 0,
    });
    refresh();
    return { status: "ok", message: `Saved ${row.name}.`, id: row.id };
  },
);

export const setCatalogItemActiveAction = adminAction(
  z.object({ id: z.uuid("Unknown reward"), active: formCheckbox() }),
  async (input, admin) => {
    const row = await setCatalogItemActive(await getDb(), admin.email, input.id, input.active);
    refresh();
    return { status: "ok", message: `${row.name} is ${row.active ? "on" : "off"} the catalog.` };
  },
);
