// The reward catalog as the admin edits it: create, edit, deactivate. Each save is validated,
// written and audited (before and after) in one transaction.
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { EngageDb } from "../core/db.ts";
import { EngageError } from "../core/errors.ts";
import { type CatalogItem, catalogItems } from "../core/schema.ts";
import { recordAudit } from "./audit.ts";

// The reward kinds a catalog purchase can issue for the next order.
export const CATALOG_REWARD_TYPES = ["percent_off", "amount_off", "free_product", "free_shipping"] as const;

export const catalogItemInput = z
  .object({
    id: z.uuid().optional(),
    slug: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "Use lower-case letters, digits and -"),
    name: z.string().trim().min(1, "Give the reward a name").max(80, "At most 80 characters"),
    description: z.string().trim().max(300, "At most 300 characters").default(""),
    pointsCost: z
      .number({ message: "Enter a number of points" })
      .int("Whole points")
      .min(1, "It must cost at least 1 point")
      .max(1_000_000, "At most 1,000,000 points"),
    rewardType: z.enum(CATALOG_REWARD_TYPES, { message: "Choose a reward type" }),
    rewardValue: z
      .number({ message: "Enter a value" })
      .int("A whole number")
      .min(0, "A value cannot be negative")
      .max(1_000_000, "Too large"),
    productRef: z.string().trim().max(100).nullish(),
    maxDiscountMinor: z.number().int().min(0, "A cap cannot be negative").max(100_000_000, "Too large").nullish(),
    validDays: z
      .number({ message: "Enter a number of days" })
      .int("Whole days")
      .min(1, "At least 1 day")
      .max(365, "At most 365 days"),
    position: z.number().int().min(0).max(10_000).default(0),
    active: z.boolean().default(true),
  })
  .refine((i) => i.rewardType !== "percent_off" || (i.rewardValue >= 1 && i.rewardValue <= 100), {
    message: "A percentage is 1 to 100",
    path: ["rewardValue"],
  })
  .refine((i) => i.rewardType !== "amount_off" || i.rewardValue >= 1, {
    message: "An amount off must be above 0",
    path: ["rewardValue"],
  })
  .refine((i) => i.rewardType !== "free_product" || Boolean(i.productRef), {
    message: "A free product needs a product",
    path: ["productRef"],
  });
export type CatalogItemInput = z.input<typeof catalogItemInput>;

/** Every item, active or not, for the admin's list. */
export async function allCatalogItems(db: EngageDb): Promise<CatalogItem[]> {
  return db.select().from(catalogItems).orderBy(asc(catalogItems.position), asc(catalogItems.pointsCost));
}

/** Creates (no id) or updates an item. Throws ZodError on bad input, EngageError on a clash. */
export async function saveCatalogItem(db: EngageDb, actor: string, input: CatalogItemInput): Promise<CatalogItem> {
  const { id, active, ...rest } = catalogItemInput.parse(input);
  const values = {
    ...rest,
    productRef: rest.productRef || null,
    maxDiscountMinor: rest.maxDiscountMinor ?? null,
    active: active ? 1 : 0,
  };
  return db.transaction(async (tx) => {
    const [clash] = await tx
      .select({ id: catalogItems.id })
      .from(catalogItems)
      .where(eq(catalogItems.slug, values.slug));
    if (clash && clash.id !== id) throw fieldError("slug", "Another reward already uses this key");
    let before: CatalogItem | null = null;
    let row: CatalogItem;
    if (id) {
      [before] = await tx.select().from(catalogItems).where(eq(catalogItems.id, id)).for("update");
      if (!before) throw new EngageError("invalid:input", "That reward is not in the catalog.");
      [row] = await tx.update(catalogItems).set(values).where(eq(catalogItems.id, id)).returning();
    } else {
      [row] = await tx.insert(catalogItems).values(values).returning();
    }
    await recordAudit(tx, {
      actor,
      action: id ? "catalog.update" : "catalog.create",
      entity: "catalog_item",
      entityId: row.id,
      before,
      after: row,
    });
    return row;
  });
}

/** Takes an item off (or back on) the shopper's catalog; rewards already bought stay valid. */
export async function setCatalogItemActive(
  db: EngageDb,
  actor: string,
  id: string,
  active: boolean,
): Promise<CatalogItem> {
  z.uuid().parse(id);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(catalogItems).where(eq(catalogItems.id, id)).for("update");
    if (!before) throw new EngageError("invalid:input", "That reward is not in the catalog.");
    const [row] = await tx
      .update(catalogItems)
      .set({ active: active ? 1 : 0 })
      .where(eq(catalogItems.id, id))
      .returning();
    await recordAudit(tx, {
      actor,
      action: active ? "catalog.activate" : "catalog.deactivate",
      entity: "catalog_item",
      entityId: id,
      before,
      after: row,
    });
    return row;
  });
}

/** A ZodError naming one field, so the form shows the message beside it. */
export function fieldError(field: string, message: string): z.ZodError {
  return new z.ZodError([{ code: "custom", path: [field], message, input: undefined }]);
}
