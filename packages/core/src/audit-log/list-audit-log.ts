import { alias } from "drizzle-orm/pg-core";
import { and, asc, auditEvents, desc, eq, sql, users, type AuditEvent, type Database } from "@gatehouse/db";
import { auditKindCondition } from "./audit-kind-filter";
import { auditKindOf, type AuditKind } from "./audit-kinds";
import { describeAuditEvent } from "./describe-audit-event";

export type AuditLogFilter = {
  /** The actor's label as recorded (an email, "SCIM (…)", "Domain re-check"). */
  actor?: string;
  kind?: AuditKind;
  /** Inclusive start. */
  from?: Date;
  /** Exclusive end. */
  until?: Date;
};

/** Where a page starts: the (created_at, id) of the row beside it, created_at to the microsecond. */
export type AuditCursor = { at: string; id: number };

export type AuditLogEntry = Pick<AuditEvent, "id" | "createdAt" | "actorLabel" | "action" | "targetLabel" | "ip" | "metadata"> & {
  actorName: string | null;
  targetName: string | null;
  sentence: string;
  kind: AuditKind;
  cursor: AuditCursor;
};

export type AuditLogPage = { entries: AuditLogEntry[]; older: AuditCursor | null; newer: AuditCursor | null };

const actorUser = alias(users, "actor_user");
const targetUser = alias(users, "target_user");
// JavaScript dates stop at milliseconds; PostgreSQL keeps microseconds, so the cursor carries its text.
const cursorTime = sql<string>`to_char(${auditEvents.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * One page of an account's audit log, newest first, with keyset paging: `before` reads the page
 * older than a cursor, `after` the page newer than it. Another account's events never match.
 */
export async function listAuditLog(
  db: Database,
  accountId: string,
  filter: AuditLogFilter,
  page: { before?: AuditCursor; after?: AuditCursor; limit: number },
): Promise<AuditLogPage> {
  const readingNewer = Boolean(page.after && !page.before);
  const cursor = page.before ?? page.after;
  const where = and(
    eq(auditEvents.accountId, accountId),
    ...filterConditions(filter),
    cursor
      ? readingNewer
        ? sql`(${auditEvents.createdAt}, ${auditEvents.id}) > (${cursor.at}::timestamptz, ${cursor.id})`
        : sql`(${auditEvents.createdAt}, ${auditEvents.id}) < (${cursor.at}::timestamptz, ${cursor.id})`
      : undefined,
  );
  const order = readingNewer ? [asc(auditEvents.createdAt), asc(auditEvents.id)] : [desc(auditEvents.createdAt), desc(auditEvents.id)];
  const rows = await db
    .select({
      id: auditEvents.id,
      createdAt: auditEvents.createdAt,
      at: cursorTime,
      actorLabel: auditEvents.actorLabel,
      actorName: actorUser.name,
      action: auditEvents.action,
      targetLabel: auditEvents.targetLabel,
      targetName: targetUser.name,
      ip: auditEvents.ip,
      metadata: auditEvents.metadata,
    })
    .from(auditEvents)
    .leftJoin(actorUser, eq(actorUser.id, auditEvents.actorUserId))
    .leftJoin(targetUser, and(eq(auditEvents.targetType, "user"), sql`${targetUser.id}::text = ${auditEvents.targetId}`))
    .where(where)
    .orderBy(...order)
    .limit(page.limit + 1);
  const hasMore = rows.length > page.limit;
  const slice = rows.slice(0, page.limit);
  if (readingNewer) slice.reverse();
  const entries = slice.map(({ at, ...row }): AuditLogEntry => ({
    ...row,
    actorName: row.actorName || null,
    targetName: row.targetName || null,
    sentence: describeAuditEvent(row),
    kind: auditKindOf(row.action, row.metadata),
    cursor: { at, id: row.id },
  }));
  const first = entries[0]?.cursor ?? null;
  const last = entries.at(-1)?.cursor ?? null;
  return {
    entries,
    older: readingNewer ? last : hasMore ? last : null,
    newer: readingNewer ? (hasMore ? first : null) : cursor ? first : null,
  };
}

function filterConditions(filter: AuditLogFilter) {
  return [
    filter.actor ? eq(auditEvents.actorLabel, filter.actor) : undefined,
    filter.kind ? auditKindCondition(filter.kind) : undefined,
    filter.from ? sql`${auditEvents.createdAt} >= ${filter.from.toISOString()}::timestamptz` : undefined,
    filter.until ? sql`${auditEvents.createdAt} < ${filter.until.toISOString()}::timestamptz` : undefined,
  ];
}

/** The people (actor labels) who appear in an account's log, for the filter's list. */
export async function listAuditActors(db: Database, accountId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ actor: auditEvents.actorLabel })
    .from(auditEvents)
    .where(eq(auditEvents.accountId, accountId))
    .orderBy(asc(auditEvents.actorLabel))
    .limit(500);
  return rows.map((r) => r.actor);
}

/** Every event the filter matches, oldest pages last, at most `max`: what the CSV export holds. */
export async function listAllAuditLog(db: Database, accountId: string, filter: AuditLogFilter, max = 50_000): Promise<AuditLogEntry[]> {
  const all: AuditLogEntry[] = [];
  let before: AuditCursor | undefined;
  while (all.length < max) {
    const page = await listAuditLog(db, accountId, filter, { before, limit: Math.min(1000, max - all.length) });
    all.push(...page.entries);
    if (!page.older) break;
    before = page.older;
  }
  return all;
}
