import { auditEvents, desc, eq, memberships, type Database } from "@gatehouse/db";
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

/**
 * An event about the user rather than one account (MFA, a social sign-in): it goes into the audit
 * log of every account the user is a member of, so each account's admins see it; a user with no
 * account yet gets one deployment-level event.
 */
export async function recordUserAuditEvent(db: Pick<Database, "select" | "insert">, userId: string, input: Omit<AuditInput, "accountId">): Promise<void> {
  const rows = await db.select({ accountId: memberships.accountId }).from(memberships).where(eq(memberships.userId, userId));
  const accountIds = rows.length > 0 ? rows.map((r) => r.accountId) : [null];
  for (const accountId of accountIds) await recordAuditEvent(db, { ...input, accountId });
}

export async function listAuditEvents(db: Database, accountId: string, limit = 100) {
  return db.select().from(auditEvents).where(eq(auditEvents.accountId, accountId)).orderBy(desc(auditEvents.createdAt), desc(auditEvents.id)).limit(limit);
}
