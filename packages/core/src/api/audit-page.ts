import { and, auditEvents, desc, eq, gte, like, lt, lte, type Database } from "@gatehouse/db";

export type AuditPageInput = { accountId: string; action?: string; since?: Date; until?: Date; limit: number; cursor?: string };

/**
 * One page of an account's audit events, newest first, filtered by action (exact, or a prefix
 * ending in ".") and time. Paged by the event id (a sequence, so in insertion order): a
 * timestamp cursor would lose PostgreSQL's microseconds in a JavaScript Date and skip rows.
 */
export async function listAuditEventsPage(db: Database, input: AuditPageInput) {
  const before = input.cursor && /^\d{1,18}$/.test(input.cursor) ? Number(input.cursor) : null;
  const action = input.action?.endsWith(".")
    ? like(auditEvents.action, `${input.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
    : input.action
      ? eq(auditEvents.action, input.action)
      : undefined;
  const rows = await db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.accountId, input.accountId),
        action,
        input.since ? gte(auditEvents.createdAt, input.since) : undefined,
        input.until ? lte(auditEvents.createdAt, input.until) : undefined,
        before !== null ? lt(auditEvents.id, before) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(input.limit + 1);
  const events = rows.slice(0, input.limit);
  const last = events.at(-1);
  return { events, nextCursor: rows.length > input.limit && last ? String(last.id) : null };
}
