// The audit trail of admin changes: who, when, what it was before and after.
import { and, desc, eq, type SQL } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { auditLog } from "../core/schema.ts";

export type AuditInput = {
  actor: string;
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
};

/** Call inside the transaction that makes the change, so the change and its record commit together. */
export async function recordAudit(db: EngageDb, entry: AuditInput): Promise<void> {
  await db.insert(auditLog).values({
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    // JSON round trip: Dates become ISO strings, undefined fields vanish.
    before: entry.before === undefined ? null : JSON.parse(JSON.stringify(entry.before)),
    after: entry.after === undefined ? null : JSON.parse(JSON.stringify(entry.after)),
  });
}

export async function auditTrail(db: EngageDb, filter: { entity?: string; entityId?: string; limit?: number } = {}) {
  const where: SQL[] = [];
  if (filter.entity) where.push(eq(auditLog.entity, filter.entity));
  if (filter.entityId) where.push(eq(auditLog.entityId, filter.entityId));
  return db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(filter.limit ?? 100);
}
