import { and, eq, gt, inArray, signInAttempts, sql, type Database } from "@gatehouse/db";
import { decideRateLimit, SIGN_IN_WINDOW_MINUTES } from "./rate-limit";

/** A key such as "email:ada@example.com" and how many counted attempts the window allows it. */
export type AttemptQuota = { key: string; limit: number };

export type AttemptClaim = { allowed: true; attemptIds: string[] } | { allowed: false; retryAfterMinutes: number };

// Enough to keep up with any realistic attempt rate, small enough that no request waits on it.
const PRUNE_BATCH = 500;

/**
 * Checks every quota and, when all allow it, records one counted attempt under each key, as one
 * step: per-key advisory locks (taken in key order, so two claims cannot deadlock) make parallel
 * claims for the same key queue up, so 40 parallel attempts with a limit of 5 let exactly 5 through.
 * The attempt is recorded before the caller does the work, and counts until
 * `markAttemptsSucceeded` says otherwise.
 */
export async function claimAttempt(db: Database, quotas: AttemptQuota[], now: Date): Promise<AttemptClaim> {
  const ordered = [...new Map(quotas.map((q) => [q.key, q])).values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (ordered.length === 0) return { allowed: true, attemptIds: [] };
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MINUTES * 60_000);
  const claim = await db.transaction(async (tx): Promise<AttemptClaim> => {
    for (const quota of ordered) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${quota.key}))`);
    const counted = await tx
      .select({ key: signInAttempts.key, createdAt: signInAttempts.createdAt })
      .from(signInAttempts)
      .where(
        and(
          inArray(
            signInAttempts.key,
            ordered.map((q) => q.key),
          ),
          gt(signInAttempts.createdAt, since),
          eq(signInAttempts.succeeded, "no"),
        ),
      )
      .orderBy(signInAttempts.createdAt);
    const decision = decideRateLimit(
      ordered.map((q) => ({ attempts: counted.filter((a) => a.key === q.key).map((a) => a.createdAt), limit: q.limit })),
      now,
    );
    if (!decision.allowed) return decision;
    const inserted = await tx
      .insert(signInAttempts)
      .values(ordered.map((q) => ({ key: q.key, succeeded: "no" as const, createdAt: now })))
      .returning({ id: signInAttempts.id });
    return { allowed: true, attemptIds: inserted.map((r) => r.id) };
  });
  await pruneAttempts(db, since);
  return claim;
}

/** A successful sign-in does not count against the limit. */
export async function markAttemptsSucceeded(db: Database, attemptIds: string[]): Promise<void> {
  if (attemptIds.length === 0) return;
  await db.update(signInAttempts).set({ succeeded: "yes" }).where(inArray(signInAttempts.id, attemptIds));
}

/** Drops rows that have left the window, a bounded batch at a time (uses the created_at index). */
async function pruneAttempts(db: Database, before: Date): Promise<void> {
  await db.execute(sql`
    delete from ${signInAttempts} where ${signInAttempts.id} in (
      select ${signInAttempts.id} from ${signInAttempts}
      where ${signInAttempts.createdAt} < ${before.toISOString()}::timestamptz
      limit ${PRUNE_BATCH}
    )`);
}
