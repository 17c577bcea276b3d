import { and, eq, gt, isNull, or, scimTokens, type Database, type ScimToken } from "@gatehouse/db";
import { sql } from "drizzle-orm";
import { generateToken, hashToken } from "../tokens";

/** How long a rotated token keeps working, so the IdP can be updated without a failed sync. */
export const SCIM_TOKEN_GRACE_HOURS = 24;
// Writing last_used_at on every request would make each SCIM call a second write; a minute is enough.
const TOUCH_INTERVAL_MS = 60_000;

export type IssuedScimToken = { id: string; token: string; prefix: string };

/** A new bearer token for a directory: returned once, stored as its SHA-256 with a visible prefix. */
export async function issueScimToken(db: Pick<Database, "insert">, directoryId: string): Promise<IssuedScimToken> {
  const token = `gh_scim_${generateToken()}`;
  const prefix = token.slice(0, 14);
  const [row] = await db
    .insert(scimTokens)
    .values({ directoryId, prefix, tokenHash: hashToken(token) })
    .returning({ id: scimTokens.id });
  return { id: row!.id, token, prefix };
}

/**
 * The token row a bearer value proves for this directory, or null: unknown, another directory's,
 * revoked, or past its grace period. Compared by hash, so timing reveals nothing of the secret.
 */
export async function verifyScimToken(db: Database, directoryId: string, bearer: string, now = new Date()): Promise<ScimToken | null> {
  if (!bearer.startsWith("gh_scim_") || bearer.length > 200) return null;
  const [row] = await db
    .select()
    .from(scimTokens)
    .where(
      and(
        eq(scimTokens.tokenHash, hashToken(bearer)),
        eq(scimTokens.directoryId, directoryId),
        isNull(scimTokens.revokedAt),
        or(isNull(scimTokens.expiresAt), gt(scimTokens.expiresAt, now)),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Records an accepted request as the token's last use (a refused one is not a use), at most once a minute. */
export async function markScimTokenUsed(db: Pick<Database, "update">, token: Pick<ScimToken, "id" | "lastUsedAt">, now = new Date()): Promise<void> {
  if (token.lastUsedAt && now.getTime() - token.lastUsedAt.getTime() <= TOUCH_INTERVAL_MS) return;
  await db.update(scimTokens).set({ lastUsedAt: now }).where(eq(scimTokens.id, token.id));
}

/** A new token; the directory's current ones keep working for the grace period, then stop. */
export async function rotateScimToken(db: Database, directoryId: string, now = new Date()): Promise<IssuedScimToken & { graceUntil: Date }> {
  const graceUntil = new Date(now.getTime() + SCIM_TOKEN_GRACE_HOURS * 3_600_000);
  return db.transaction(async (tx) => {
    await tx
      .update(scimTokens)
      .set({ expiresAt: sql`least(coalesce(${scimTokens.expiresAt}, ${graceUntil.toISOString()}::timestamptz), ${graceUntil.toISOString()}::timestamptz)` })
      .where(and(eq(scimTokens.directoryId, directoryId), isNull(scimTokens.revokedAt)));
    return { ...(await issueScimToken(tx, directoryId)), graceUntil };
  });
}

/** Stops a token at once. */
export async function revokeScimToken(db: Database, directoryId: string, tokenId: string, now = new Date()): Promise<boolean> {
  const revoked = await db
    .update(scimTokens)
    .set({ revokedAt: now })
    .where(and(eq(scimTokens.id, tokenId), eq(scimTokens.directoryId, directoryId), isNull(scimTokens.revokedAt)))
    .returning({ id: scimTokens.id });
  return revoked.length > 0;
}

/** A directory's tokens for the console (never the secret), newest first. */
export async function listScimTokens(db: Database, directoryId: string) {
  return db
    .select({
      id: scimTokens.id,
      prefix: scimTokens.prefix,
      createdAt: scimTokens.createdAt,
      lastUsedAt: scimTokens.lastUsedAt,
      expiresAt: scimTokens.expiresAt,
      revokedAt: scimTokens.revokedAt,
    })
    .from(scimTokens)
    .where(eq(scimTokens.directoryId, directoryId))
    .orderBy(sql`${scimTokens.createdAt} desc`);
}
