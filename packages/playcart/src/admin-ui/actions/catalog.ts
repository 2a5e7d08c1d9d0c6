import { z } from "zod";
import { saveCatalogItem, setCatalogItemActive } from "../../index.ts";
import { formCheckbox } from "../form-values.ts";
import { catalogItemForm } from "../item-form.ts";
import { adminAction } from "./define.ts";

/** Creates or edits a catalog item; the core validates every value and audits the change. */
export const saveCatalogItemAction = adminAction(
  (ctx) => catalogItemForm(ctx.currency),
  async (input, ctx) => {
    const row = await saveCatalogItem(ctx.db, ctx.actor, {
      ...input,
      rewardType: input.rewardType as never,
      position: input.position ?? 0,
    });
    return { status: "ok", message: `Saved ${row.name}.`, id: row.id };
  },
);

export const setCatalogItemActiveAction = adminAction(
  z.object({ id: z.uuid("Unknown reward"), active: formCheckbox() }),
  async (input, ctx) => {
    const row = await setCatalogItemActive(ctx.db, ctx.actor, input.id, input.active);
    return { status: "ok", message: `${row.name} is ${row.active ? "on" : "off"} the catalog.` };
  },
);
