import { and, eq, ssoIdentities, type Database } from "@gatehouse/db";
import type { IdentityKey } from "@gatehouse/core";

type Db = Pick<Database, "insert" | "select">;

/** The user an identity (connection + issuer + subject) is linked to, if any. */
export async function linkedUserOf(db: Pick<Database, "select">, connectionId: string, key: IdentityKey): Promise<string | null> {
  const [row] = await db
    .select({ userId: ssoIdentities.userId })
    .from(ssoIdentities)
    .where(and(eq(ssoIdentities.connectionId, connectionId), eq(ssoIdentities.issuer, key.issuer), eq(ssoIdentities.subject, key.subject)))
    .limit(1);
  return row?.userId ?? null;
}

/**
 * Links a first-time identity to a user, idempotently: the unique key (connection, issuer, subject)
 * decides between two first sign-ins of the same person at once, and the loser reads the winner's
 * link. Returns the user the identity is linked to now: the caller refuses when it is not the user
 * it meant (a link never moves).
 */
export async function linkIdentity(
  db: Db,
  input: { connectionId: string; key: IdentityKey; userId: string; email: string; emailProvenAt: Date | null; now: Date },
): Promise<string | null> {
  const [inserted] = await db
    .insert(ssoIdentities)
    .values({
      connectionId: input.connectionId,
      issuer: input.key.issuer,
      subject: input.key.subject,
      userId: input.userId,
      email: input.email,
      emailProvenAt: input.emailProvenAt,
      lastSignInAt: input.now,
    })
    .onConflictDoNothing({ target: [ssoIdentities.connectionId, ssoIdentities.issuer, ssoIdentities.subject] })
    .returning({ userId: ssoIdentities.userId });
  return inserted?.userId ?? (await linkedUserOf(db, input.connectionId, input.key));
}
