// What each audit entry is about, by name and with a link: the campaign, the customer (their
// account name when the host knows it), the rule, the catalog reward, ... instead of an id.
import { inArray } from "drizzle-orm";
import { badges, rules, stampCards } from "../core/loyalty-schema.ts";
import { campaigns, catalogItems, customers, reminderSequences } from "../core/schema.ts";
import type { AdminContext } from "./config.ts";
import { accountName } from "./search.ts";

export type AuditSubject = { name: string; href?: string };

type Row = { entity: string; entityId: string | null };

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** Subjects keyed by "entity:entityId". Ids no longer found read as "a deleted <entity>". */
export async function auditSubjects(ctx: AdminContext, rows: Row[]): Promise<Map<string, AuditSubject>> {
  const ids = (entity: string) => [
    ...new Set(rows.filter((r) => r.entity === entity && r.entityId && isUuid(r.entityId)).map((r) => r.entityId!)),
  ];
  const out = new Map<string, AuditSubject>();
  const put = (entity: string, id: string, subject: AuditSubject) => out.set(`${entity}:${id}`, subject);
  const db = ctx.db;
  const named = async (
    entity: string,
    table: typeof campaigns | typeof rules | typeof catalogItems | typeof badges | typeof stampCards,
    word: string,
    href: (id: string) => string,
  ) => {
    const wanted = ids(entity);
    if (wanted.length === 0) return;
    const found = await db.select({ id: table.id, name: table.name }).from(table).where(inArray(table.id, wanted));
    for (const f of found) put(entity, f.id, { name: `“${f.name}”`, href: href(f.id) });
    for (const id of wanted) if (!out.has(`${entity}:${id}`)) put(entity, id, { name: `a deleted ${word}` });
  };
  await named("campaign", campaigns, "campaign", (id) => ctx.href(`campaigns/${id}`));
  await named("rule", rules, "rule", (id) => ctx.href(`settings/rules/${id}`));
  await named("catalog_item", catalogItems, "reward", () => ctx.href("settings/catalog"));
  await named("badge", badges, "badge", () => ctx.href("settings/badges"));
  await named("stamp_card", stampCards, "stamp card", () => ctx.href("settings/badges"));

  const sequences = ids("reminder_sequence");
  if (sequences.length) {
    const found = await db
      .select({ id: reminderSequences.id, name: reminderSequences.name })
      .from(reminderSequences)
      .where(inArray(reminderSequences.id, sequences));
    for (const f of found)
      put("reminder_sequence", f.id, { name: `“${f.name}”`, href: ctx.href("settings/reminders") });
  }

  const customerIds = ids("customer");
  if (customerIds.length) {
    const found = await db
      .select({ id: customers.id, email: customers.email, userRef: customers.userRef })
      .from(customers)
      .where(inArray(customers.id, customerIds));
    for (const c of found) {
      const name = await accountName(ctx, c);
      put("customer", c.id, { name: name ? `${name} (${c.email})` : c.email, href: ctx.href(`customers/${c.id}`) });
    }
  }

  // Orders live in the host's store: named by their short reference, as the orders page shows them.
  for (const r of rows) {
    if (r.entity === "order" && r.entityId)
      put("order", r.entityId, { name: `order ${r.entityId.slice(0, 8).toUpperCase()}` });
  }
  return out;
}
