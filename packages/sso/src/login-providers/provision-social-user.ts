// The db package's own drizzle class: this package resolves another drizzle-orm copy, so instanceof would never match.
import { loginProviderIdentities, TransactionRollbackError, users, type LoginProvider } from "@gatehouse/db";
import type { SsoContext } from "../context";

/**
 * A new user from a provider: verified email (the decision saw it trusted), no password, no
 * account yet, linked by the provider's subject in the same transaction. Null when someone took
 * the email, or when a concurrent first sign-in linked the subject a moment ago (then no stray
 * user is left behind, and the caller takes that link's user).
 */
export async function provisionSocialUser(
  ctx: Pick<SsoContext, "db">,
  input: { provider: Pick<LoginProvider, "id">; email: string; name: string; issuer: string; subject: string },
): Promise<string | null> {
  return ctx.db
    .transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ email: input.email, name: input.name, emailVerifiedAt: new Date() })
        .onConflictDoNothing()
        .returning({ id: users.id });
      if (!user) return null;
      const [linked] = await tx
        .insert(loginProviderIdentities)
        .values({ providerId: input.provider.id, issuer: input.issuer, subject: input.subject, userId: user.id, email: input.email })
        .onConflictDoNothing()
        .returning({ id: loginProviderIdentities.id });
      if (!linked) tx.rollback();
      return user.id;
    })
    .catch((error: unknown) => {
      if (error instanceof TransactionRollbackError) return null;
      throw error;
    });
}
