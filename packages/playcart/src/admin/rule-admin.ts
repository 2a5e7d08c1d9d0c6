// The rules engine's rules as the admin edits them (referral rules are rules on
// referral.* and order.paid events). saveRule validates; this adds the audit row and keeps
// a rule's key from silently taking over another rule.
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { EngageDb } from "../core/db.ts";
import { EngageError } from "../core/errors.ts";
import { RULE_STATUSES, type Rule, rules } from "../core/schema.ts";
import { type RuleInput, saveRule } from "../engine/index.ts";
import { recordAudit } from "./audit.ts";
import { fieldError } from "./catalog-admin.ts";

export async function allRules(db: EngageDb): Promise<Rule[]> {
  return db.select().from(rules).orderBy(asc(rules.trigger), asc(rules.position), asc(rules.createdAt));
}

export async function ruleById(db: EngageDb, id: string): Promise<Rule | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const [row] = await db.select().from(rules).where(eq(rules.id, id));
  return row ?? null;
}

/** Creates (no id) or updates a rule. Throws ZodError or EngageError on bad input. */
export async function saveRuleAudited(
  db: EngageDb,
  actor: string,
  input: RuleInput & { id?: string | null },
): Promise<Rule> {
  const { id, ...rule } = input;
  return db.transaction(async (tx) => {
    const [clash] = await tx
      .select({ id: rules.id })
      .from(rules)
      .where(eq(rules.slug, String(rule.slug ?? "")));
    if (clash && clash.id !== id) throw fieldError("slug", "Another rule already uses this key");
    let before: Rule | null = null;
    if (id) {
      [before] = await tx
        .select()
        .from(rules)
        .where(eq(rules.id, z.uuid().parse(id)))
        .for("update");
      if (!before) throw new EngageError("invalid:input", "No such rule.");
      // A new key on an existing rule: rename the row first so saveRule's upsert finds it.
      if (before.slug !== rule.slug) await tx.update(rules).set({ slug: rule.slug }).where(eq(rules.id, id));
    }
    const after = await saveRule(tx, rule);
    await recordAudit(tx, {
      actor,
      action: id ? "rule.update" : "rule.create",
      entity: "rule",
      entityId: after.id,
      before,
      after,
    });
    return after;
  });
}

export async function setRuleStatus(
  db: EngageDb,
  actor: string,
  id: string,
  status: (typeof RULE_STATUSES)[number],
): Promise<Rule> {
  z.enum(RULE_STATUSES).parse(status);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(rules)
      .where(eq(rules.id, z.uuid().parse(id)))
      .for("update");
    if (!before) throw new EngageError("invalid:input", "No such rule.");
    const [after] = await tx.update(rules).set({ status, updatedAt: new Date() }).where(eq(rules.id, id)).returning();
    await recordAudit(tx, { actor, action: "rule.status", entity: "rule", entityId: id, before, after });
    return after;
  });
}
