import { accounts, memberships, type Account } from "@gatehouse/db";
import { recordAuditEvent } from "./audit";
import type { Actor, CoreContext } from "./context";
import { isEmailShaped, normaliseEmail } from "./email-address";
import { inviteMember } from "./invites";
import { fail, ok, type Result } from "./result";
import { findUserByEmail } from "./users";

/** Slugs appear in sign-in URLs (/sso/<slug>): lower-case letters, digits and single hyphens. Pure. */
export function checkAccountSlug(input: string): Result<string> {
  const slug = input.trim().toLowerCase();
  if (slug.length < 2 || slug.length > 48) return fail("Use 2 to 48 characters for the slug.");
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) return fail("Use lower-case letters, digits and single hyphens for the slug, like acme-eu.");
  return ok(slug);
}

export type CreatedAccount = { account: Account; admin: { email: string; outcome: "added" | "invited" } | null };

/**
 * Creates an account for an operator (CLI). With an admin email, an existing user becomes its
 * admin at once; anyone else is sent an admin invite.
 */
export async function createAccount(
  ctx: CoreContext,
  input: { name: string; slug: string; adminEmail?: string; actor: Actor },
): Promise<Result<CreatedAccount>> {
  const name = input.name.trim();
  if (!name || name.length > 100) return fail("Give the account a name of 1 to 100 characters.");
  const slug = checkAccountSlug(input.slug);
  if (!slug.ok) return slug;
  const adminEmail = input.adminEmail === undefined ? null : normaliseEmail(input.adminEmail);
  if (adminEmail !== null && !isEmailShaped(adminEmail)) return fail(`${input.adminEmail} is not an email address.`);
  const existingAdmin = adminEmail ? await findUserByEmail(ctx.db, adminEmail) : null;
  const account = await ctx.db.transaction(async (tx) => {
    const [created] = await tx.insert(accounts).values({ name, slug: slug.value }).onConflictDoNothing().returning();
    if (!created) return null;
    await recordAuditEvent(tx, {
      accountId: created.id,
      actor: input.actor,
      action: "account.created",
      target: { type: "account", id: created.id, label: name },
      metadata: { slug: slug.value },
    });
    if (existingAdmin) {
      await tx.insert(memberships).values({ accountId: created.id, userId: existingAdmin.id, role: "admin", source: "invite" });
      await recordAuditEvent(tx, {
        accountId: created.id,
        actor: input.actor,
        action: "member.added",
        target: { type: "user", id: existingAdmin.id, label: existingAdmin.email },
        metadata: { role: "admin" },
      });
    }
    return created;
  });
  if (!account) return fail(`The slug ${slug.value} is taken by another account. Choose another.`);
  if (!adminEmail) return ok({ account, admin: null });
  if (existingAdmin) return ok({ account, admin: { email: existingAdmin.email, outcome: "added" } });
  const invited = await inviteMember(ctx, { accountId: account.id, email: adminEmail, role: "admin", actor: { ...input.actor, adminOfAccountId: account.id } });
  if (!invited.ok) return fail(`The account was created, but the invite to ${adminEmail} failed: ${invited.error}`);
  return ok({ account, admin: { email: adminEmail, outcome: "invited" } });
}
