import { and, asc, count, eq, loginProviderIdentities, loginProviders, users, type Database } from "@gatehouse/db";
import { recordAuditEvent } from "../audit";
import type { Actor, CoreContext } from "../context";
import { decideUnlink } from "../login-providers/decide-unlink";
import { fail, ok, type Result } from "../result";

export type ConnectedProvider = { providerId: string; identifier: string; name: string; logoDataUrl: string | null; email: string | null; linkedAt: Date };

/** The login providers linked to a user, with the provider's email and when each was linked. */
export async function listConnectedProviders(db: Database, userId: string): Promise<ConnectedProvider[]> {
  return db
    .select({
      providerId: loginProviders.id,
      identifier: loginProviders.identifier,
      name: loginProviders.name,
      logoDataUrl: loginProviders.logoDataUrl,
      email: loginProviderIdentities.email,
      linkedAt: loginProviderIdentities.linkedAt,
    })
    .from(loginProviderIdentities)
    .innerJoin(loginProviders, eq(loginProviders.id, loginProviderIdentities.providerId))
    .where(eq(loginProviderIdentities.userId, userId))
    .orderBy(asc(loginProviders.displayOrder), asc(loginProviders.name));
}

/** Unlinks a provider from the signed-in user, unless it is their only way in. */
export async function unlinkProvider(
  ctx: Pick<CoreContext, "db">,
  input: { userId: string; providerId: string; actor: Actor },
): Promise<Result<{ providerName: string }>> {
  return ctx.db.transaction(async (tx) => {
    // Locks the user's row so two unlinks at once cannot each leave the other as the last way in.
    const [user] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, input.userId)).for("update").limit(1);
    if (!user) return fail("Your login no longer exists.");
    const [linked] = await tx
      .select({ id: loginProviderIdentities.id, name: loginProviders.name })
      .from(loginProviderIdentities)
      .innerJoin(loginProviders, eq(loginProviders.id, loginProviderIdentities.providerId))
      .where(and(eq(loginProviderIdentities.userId, input.userId), eq(loginProviderIdentities.providerId, input.providerId)))
      .limit(1);
    const [counted] = await tx.select({ n: count() }).from(loginProviderIdentities).where(eq(loginProviderIdentities.userId, input.userId));
    const decision = decideUnlink({ hasPassword: Boolean(user.passwordHash), linkedProviderCount: counted?.n ?? 0, isLinked: Boolean(linked) });
    if (!decision.allowed) {
      if (linked) {
        await recordAuditEvent(tx, {
          accountId: null,
          actor: input.actor,
          action: "login_provider.unlink_refused",
          target: { type: "login_provider", id: input.providerId, label: linked.name },
          metadata: { reason: decision.code },
        });
      }
      return fail(decision.message);
    }
    await tx.delete(loginProviderIdentities).where(eq(loginProviderIdentities.id, linked!.id));
    await recordAuditEvent(tx, {
      accountId: null,
      actor: input.actor,
      action: "login_provider.unlinked",
      target: { type: "login_provider", id: input.providerId, label: linked!.name },
    });
    return ok({ providerName: linked!.name });
  });
}
