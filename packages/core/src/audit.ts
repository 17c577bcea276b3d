import { auditEvents, desc, eq, type Database } from "@gatehouse/db";
import type { Actor } from "./context";

export type AuditInput = {
  accountId: string | null;
  actor: Actor;
  action: string;
  target?: { type: string; id: string; label?: string };
  metadata?: Record<string, unknown>;
};

/** Appends one audit event. Callers pass a transaction when the event must commit with the change. */
export async function recordAuditEvent(db: Pick<Database, "insert">, input: AuditInput): Promise<void> {
  await db.insert(auditEvents).values({
    accountId: input.accountId,
    actorUserId: input.actor.userId,
    actorLabel: input.actor.label,
    action: input.action,
    targetType: input.target?.type ?? null,
    targetId: input.target?.id ?? null,
    targetLabel: input.target?.label ?? null,
    ip: input.actor.ip,
    metadata: input.metadata ?? {},
  });
}

export async function listAuditEvents(db: Database, accountId: string, limit = 100) {
  return db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.accountId, accountId))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(limit);
}
