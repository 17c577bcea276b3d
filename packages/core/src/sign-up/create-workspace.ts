import { accounts, memberships, users, eq } from "@gatehouse/db";
import { recordAuditEvent } from "../audit";
import type { Actor, CoreContext } from "../context";
import { fail, ok, type Result } from "../result";

export const SLUG_SHAPE = /^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/;

/** A signed-up (verified) user creates an account and becomes its admin. */
export async function createWorkspace(
  ctx: Pick<CoreContext, "db">,
  input: { userId: string; name: string; slug: string; actor: Actor },
): Promise<Result<{ accountId: string; slug: string }, { field?: "name" | "slug"; message: string }>> {
  const name = input.name.trim();
  const slug = input.slug.trim().toLowerCase();
  if (!name || name.length > 100) return fail({ field: "name", message: "Enter a workspace name of at most 100 characters." });
  if (!SLUG_SHAPE.test(slug))
    return fail({ field: "slug", message: "Use 3–40 lowercase letters, digits or hyphens, starting and ending with a letter or digit." });
  const [user] = await ctx.db.select({ verified: users.emailVerifiedAt }).from(users).where(eq(users.id, input.userId)).limit(1);
  if (!user?.verified) return fail({ message: "Confirm your email address first: use the link we sent you." });
  return ctx.db.transaction(async (tx) => {
    const [account] = await tx.insert(accounts).values({ name, slug }).onConflictDoNothing().returning({ id: accounts.id });
    if (!account) return fail({ field: "slug" as const, message: `The address "${slug}" is taken. Pick another.` });
    await tx.insert(memberships).values({ accountId: account.id, userId: input.userId, role: "admin", source: "signup" });
    await recordAuditEvent(tx, {
      accountId: account.id,
      actor: input.actor,
      action: "account.created",
      target: { type: "account", id: account.id, label: name },
      metadata: { slug },
    });
    return ok({ accountId: account.id, slug });
  });
}
