import { and, eq, loginProviderIdentities, memberships, ne, scimUsers, sql, ssoIdentities, users } from "@gatehouse/db";
import { scimProvisionedEmail } from "@gatehouse/email";
import { recordAuditEvent } from "../audit";
import { endSessionsForUser } from "../sessions";
import { ROLE_LABELS } from "../limits";
import { isEmailOnVerifiedDomain } from "../domains/verified-domains";
import { ScimRequestError, scimFailure } from "./scim-error";
import type { ScimSession } from "./scim-session";
import type { ScimUserFields } from "./user-resource";

/**
 * The user a new SCIM User stands for: the one this connection's SSO already knows by subject =
 * externalId; else an existing user with that email if the rules allow (already a member of the
 * account, or the email is on one of its verified domains); else a new user. Someone else's user
 * is never taken over: that is a 409 uniqueness.
 */
export async function resolveUserForScim(s: ScimSession, fields: ScimUserFields): Promise<{ userId: string; created: boolean }> {
  const { tx, directory } = s;
  if (fields.externalId) {
    const [identity] = await tx
      .select({ userId: ssoIdentities.userId })
      .from(ssoIdentities)
      .where(and(eq(ssoIdentities.connectionId, directory.connectionId), eq(ssoIdentities.subject, fields.externalId)))
      .limit(1);
    if (identity) return { userId: identity.userId, created: false };
  }
  const [existing] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${fields.email}`)
    .limit(1);
  if (existing) {
    const [member] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.accountId, directory.accountId), eq(memberships.userId, existing.id)))
      .limit(1);
    if (member || (await isEmailOnVerifiedDomain(tx as never, directory.accountId, fields.email))) return { userId: existing.id, created: false };
    // A user with no way in left (no membership, no password, no sign-in through another
    // connection; e.g. one this directory deleted earlier) may be re-created. A working login of
    // someone outside the account is never taken over by this account's IdP.
    if (await hasNoLoginElsewhere(s, existing.id)) return { userId: existing.id, created: false };
    throw new ScimRequestError(
      scimFailure(
        409,
        `${fields.email} already signs in to another account here, so this directory cannot take that sign-in over. Verify the email's domain for this account, or invite them first, then retry.`,
        "uniqueness",
      ),
    );
  }
  const [created] = await tx.insert(users).values({ email: fields.email, name: fields.name }).returning({ id: users.id });
  return { userId: created!.id, created: true };
}

async function hasNoLoginElsewhere(s: ScimSession, userId: string): Promise<boolean> {
  const { tx, directory } = s;
  const [membership] = await tx.select({ id: memberships.id }).from(memberships).where(eq(memberships.userId, userId)).limit(1);
  if (membership) return false;
  const [user] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  if (user?.passwordHash) return false;
  const [otherIdentity] = await tx
    .select({ id: ssoIdentities.id })
    .from(ssoIdentities)
    .where(and(eq(ssoIdentities.userId, userId), ne(ssoIdentities.connectionId, directory.connectionId)))
    .limit(1);
  if (otherIdentity) return false;
  // A deployment login provider (Sign in with Google…) is a way in too.
  const [socialIdentity] = await tx
    .select({ id: loginProviderIdentities.id })
    .from(loginProviderIdentities)
    .where(eq(loginProviderIdentities.userId, userId))
    .limit(1);
  return !socialIdentity;
}

/** Makes the user a member (default role, or the role they had before deactivation) and emails them. */
export async function activateMember(
  s: ScimSession,
  scimUserId: string,
  userId: string,
  email: string,
  previousRole: "admin" | "member" | null,
): Promise<void> {
  const { tx, directory } = s;
  const role = previousRole ?? directory.defaultRole;
  const inserted = await tx
    .insert(memberships)
    .values({ accountId: directory.accountId, userId, role, source: "scim" })
    .onConflictDoNothing()
    .returning({ id: memberships.id });
  await tx.update(scimUsers).set({ previousRole: null }).where(eq(scimUsers.id, scimUserId));
  if (inserted.length === 0) return;
  await recordAuditEvent(tx, {
    accountId: directory.accountId,
    actor: s.actor,
    action: previousRole ? "scim.member_reactivated" : "scim.member_added",
    target: { type: "user", id: userId, label: email },
    metadata: { role, directoryId: directory.id },
  });
  s.changes.push(`${previousRole ? "re-activated" : "added"} ${email} as ${ROLE_LABELS[role]}`);
  // RFC 2606: .invalid cannot receive mail; the console's self-test provisions such a throwaway user.
  if (email.endsWith(".invalid")) return;
  const rendered = scimProvisionedEmail({
    accountName: directory.accountName,
    connectionName: directory.connectionName,
    roleLabel: ROLE_LABELS[role],
    signInUrl: `${s.ctx.appUrl}/login`,
  });
  s.afterCommit.push(async () => void (await s.ctx.mailer.send({ ...rendered, to: email, template: "scim-provisioned" })));
}

/** Removes the member (remembering their role for re-activation) and ends all their sessions. */
export async function deactivateMember(s: ScimSession, scimUserId: string, userId: string, email: string, reason: "deactivated" | "deleted"): Promise<void> {
  const { tx, directory } = s;
  const [removed] = await tx
    .delete(memberships)
    .where(and(eq(memberships.accountId, directory.accountId), eq(memberships.userId, userId)))
    .returning({ role: memberships.role });
  if (!removed) return;
  await tx.update(scimUsers).set({ previousRole: removed.role }).where(eq(scimUsers.id, scimUserId));
  // Every session, not only this account's: a session can switch accounts, and deprovisioning is a security action.
  const sessionsEnded = await endSessionsForUser(tx, userId);
  await recordAuditEvent(tx, {
    accountId: directory.accountId,
    actor: s.actor,
    action: reason === "deleted" ? "scim.member_deleted" : "scim.member_deactivated",
    target: { type: "user", id: userId, label: email },
    metadata: { role: removed.role, sessionsEnded, directoryId: directory.id },
  });
  s.changes.push(`removed ${email} from the account (${reason}; ${sessionsEnded} session${sessionsEnded === 1 ? "" : "s"} ended)`);
}

/** Follows an email or name change at the IdP onto our user, unless another user has the email. */
export async function updateUserProfile(s: ScimSession, userId: string, fields: ScimUserFields): Promise<void> {
  const { tx, directory } = s;
  const [current] = await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, userId)).limit(1);
  if (!current) return;
  if (current.email.toLowerCase() !== fields.email) {
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${fields.email}`)
      .limit(1);
    if (taken)
      throw new ScimRequestError(scimFailure(409, `Cannot change the email to ${fields.email}: another person already signs in with it.`, "uniqueness"));
    // A user who also belongs to other accounts keeps their address unless the new one is on this account's verified domain.
    const [elsewhere] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), sql`${memberships.accountId} <> ${directory.accountId}`))
      .limit(1);
    if (elsewhere && !(await isEmailOnVerifiedDomain(tx as never, directory.accountId, fields.email))) {
      throw new ScimRequestError(
        scimFailure(
          409,
          `Cannot change the email to ${fields.email}: this person also belongs to other accounts, and the new address is not on one of this account's verified domains.`,
          "uniqueness",
        ),
      );
    }
    await tx.update(users).set({ email: fields.email, emailVerifiedAt: null }).where(eq(users.id, userId));
    await recordAuditEvent(tx, {
      accountId: directory.accountId,
      actor: s.actor,
      action: "scim.email_changed",
      target: { type: "user", id: userId, label: fields.email },
      metadata: { from: current.email, to: fields.email },
    });
    s.changes.push(`email ${current.email} → ${fields.email}`);
  }
  if (fields.name && fields.name !== current.name) await tx.update(users).set({ name: fields.name }).where(eq(users.id, userId));
}
