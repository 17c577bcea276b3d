import { and, apiIdempotency, eq, lt, type Database } from "@gatehouse/db";
import { decideIdempotency } from "./decide-api-key";

/** Stored answers are kept this long; a retry after that runs again. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

export type IdempotencyClaim =
  { outcome: "proceed"; recordId: string } | { outcome: "replay"; status: number; response: unknown } | { outcome: "body_mismatch" | "in_progress" };

/**
 * Claims an Idempotency-Key for a request (insert-or-read on the unique key, so two racing
 * requests cannot both run), or finds the stored answer to replay.
 */
export async function claimIdempotencyKey(db: Database, input: { principal: string; key: string; requestHash: string; now?: Date }): Promise<IdempotencyClaim> {
  const now = input.now ?? new Date();
  await db
    .delete(apiIdempotency)
    .where(
      and(
        eq(apiIdempotency.principal, input.principal),
        eq(apiIdempotency.idempotencyKey, input.key),
        lt(apiIdempotency.createdAt, new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS)),
      ),
    );
  const [claimed] = await db
    .insert(apiIdempotency)
    .values({ principal: input.principal, idempotencyKey: input.key, requestHash: input.requestHash, createdAt: now })
    .onConflictDoNothing()
    .returning({ id: apiIdempotency.id });
  if (claimed) return { outcome: "proceed", recordId: claimed.id };
  const [stored] = await db
    .select()
    .from(apiIdempotency)
    .where(and(eq(apiIdempotency.principal, input.principal), eq(apiIdempotency.idempotencyKey, input.key)))
    .limit(1);
  const decision = decideIdempotency(stored ?? null, input.requestHash);
  if (decision === "replay") return { outcome: "replay", status: stored!.status!, response: stored!.response };
  if (decision === "proceed") return claimIdempotencyKey(db, input);
  return { outcome: decision };
}

/** Stores the answer to replay. A server error releases the key instead, so a retry runs again. */
export async function settleIdempotencyKey(db: Database, recordId: string, status: number, response: unknown): Promise<void> {
  if (status >= 500) {
    await db.delete(apiIdempotency).where(eq(apiIdempotency.id, recordId));
    return;
  }
  await db.update(apiIdempotency).set({ status, response }).where(eq(apiIdempotency.id, recordId));
}

/** Deletes stored answers past the retention (a periodic sweep); returns how many. */
export async function pruneIdempotencyKeys(db: Database, now = new Date()): Promise<number> {
  const deleted = await db
    .delete(apiIdempotency)
    .where(lt(apiIdempotency.createdAt, new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS)))
    .returning({ id: apiIdempotency.id });
  return deleted.length;
}
