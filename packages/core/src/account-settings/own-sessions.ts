import { and, desc, eq, gt, ne, sessions, type Database } from "@gatehouse/db";
import { recordAuditEvent } from "../audit";
import type { Actor, CoreContext } from "../context";
import { fail, ok, type Result } from "../result";

export type OwnSession = { idHash: string; method: string; ip: string | null; userAgent: string | null; createdAt: Date; lastSeenAt: Date; isCurrent: boolean };

/** The user's live sessions, most recently seen first; the one asking is marked. */
export async function listOwnSessions(db: Database, input: { userId: string; currentIdHash: string }): Promise<OwnSession[]> {
  const rows = await db
    .select({
      idHash: sessions.idHash,
      method: sessions.method,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, input.userId), gt(sessions.expiresAt, new Date())))
    .orderBy(desc(sessions.lastSeenAt))
    .limit(100);
  return rows.map((r) => ({ ...r, isCurrent: r.idHash === input.currentIdHash }));
}

/**
 * Ends one of the user's other sessions (`idHash` given) or all of them. The current one stays:
 * signing out is for that. Deleting the row ends it on every app instance at its next request.
 */
export async function endOwnSessions(
  ctx: Pick<CoreContext, "db">,
  input: { userId: string; currentIdHash: string; idHash: string | null; actor: Actor },
): Promise<Result<{ ended: number }>> {
  if (input.idHash === input.currentIdHash) return fail("That is this session: use Sign out instead.");
  const which = input.idHash ? eq(sessions.idHash, input.idHash) : ne(sessions.idHash, input.currentIdHash);
  const ended = await ctx.db
    .delete(sessions)
    .where(and(eq(sessions.userId, input.userId), which))
    .returning({ idHash: sessions.idHash });
  if (input.idHash && ended.length === 0) return fail("That session has already ended.");
  await recordAuditEvent(ctx.db, {
    accountId: null,
    actor: input.actor,
    action: "user.sessions_ended",
    target: { type: "user", id: input.userId, label: input.actor.label },
    metadata: { ended: ended.length, which: input.idHash ? "one" : "all_others" },
  });
  return ok({ ended: ended.length });
}
