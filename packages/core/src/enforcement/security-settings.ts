import { accountDomains, accounts, and, eq, memberships, type AuthRequirement, type Database } from "@gatehouse/db";
import { recordAuditEvent } from "../audit";
import { nowOf, type Actor, type CoreContext } from "../context";
import { fail, ok, type Result } from "../result";
import { isAccountAdmin } from "../team";

/** Enforcement changes how every member signs in: never through a setup link, whatever it covers. */
const isAccountAdminInPerson = async (db: Parameters<typeof isAccountAdmin>[0], accountId: string, actor: Actor) =>
  !actor.viaSetupLinkId && (await isAccountAdmin(db, accountId, actor));
import { isEnforcedUnder, newlyEnforcedMembers, type AccountSsoRule } from "./affected-members";
import {
  decideEnforcementChange,
  hasExemptAdmin,
  hasFreshlyTestedConnection,
  lockoutList,
  type EnforcementRefusal,
  type LockoutCandidate,
} from "./decide-enforcement-change";
import { countNonSsoSessions, endNonSsoSessions } from "./end-non-sso-sessions";
import {
  listVerifiedDomainsWithEnforcement,
  loadAccountMembersForEnforcement,
  loadConnectionTestStates,
  type AccountMemberForEnforcement,
} from "./load-enforcement";

type Ctx = Pick<CoreContext, "db" | "now">;
type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

export type SecuritySettings = {
  authRequired: AuthRequirement;
  requireMfa: boolean;
  enforcementSuspendedUntil: Date | null;
  /** Verified domains and whether each requires SSO of the people on it. */
  domains: { id: string; domain: string; enforceSso: boolean }[];
  /** A switched-on connection had a successful Authenticate or test sign-in in the last 24 hours. */
  hasFreshTest: boolean;
};

export type SecuritySettingsError = { code: "forbidden" } | { code: "not_found" } | EnforcementRefusal;

/** Which enforcement an admin is about to switch on: the whole account, or one verified domain. */
export type EnforcementTarget = { kind: "account" } | { kind: "domain"; domainId: string };

export type EnforcementPreview = {
  account: { id: string; name: string; slug: string };
  target: EnforcementTarget & { label: string };
  hasFreshTest: boolean;
  /** Members the change requires SSO of (not yet required, not exempt). */
  affected: LockoutCandidate[];
  /** Of those, who would be locked out. */
  lockedOut: LockoutCandidate[];
  hasExemptAdmin: boolean;
  /** Sessions of affected members that end on confirming. */
  sessionsToEnd: number;
};

async function loadAccountRule(db: Database, accountId: string) {
  const [account] = await db.select().from(accounts).where(eq(accounts.id, accountId)).limit(1);
  if (!account) return null;
  const domains = await listVerifiedDomainsWithEnforcement(db, [accountId]);
  const rule: AccountSsoRule = {
    authRequired: account.authRequired,
    enforcementSuspendedUntil: account.enforcementSuspendedUntil,
    enforcingDomainIds: domains.filter((d) => d.enforceSso).map((d) => d.id),
  };
  return { account, domains, rule };
}

/** The account's authentication requirement and per-domain enforcement, as the console and the API show them. */
export async function getSecuritySettings(ctx: Ctx, accountId: string): Promise<SecuritySettings | null> {
  const loaded = await loadAccountRule(ctx.db, accountId);
  if (!loaded) return null;
  const connections = await loadConnectionTestStates(ctx.db, accountId);
  return {
    authRequired: loaded.account.authRequired,
    requireMfa: loaded.account.requireMfa,
    enforcementSuspendedUntil: loaded.account.enforcementSuspendedUntil,
    domains: loaded.domains.map((d) => ({ id: d.id, domain: d.domain, enforceSso: d.enforceSso })).sort((a, b) => a.domain.localeCompare(b.domain)),
    hasFreshTest: hasFreshlyTestedConnection(connections, nowOf(ctx)),
  };
}

function ruleAfter(rule: AccountSsoRule, target: EnforcementTarget): AccountSsoRule {
  if (target.kind === "account") return { ...rule, authRequired: "sso" };
  return { ...rule, enforcingDomainIds: [...new Set([...rule.enforcingDomainIds, target.domainId])] };
}

/** What switching enforcement on would do: who it affects, who it would lock out, how many sessions end. */
export async function previewEnforcement(ctx: Ctx, input: { accountId: string; target: EnforcementTarget }): Promise<EnforcementPreview | null> {
  const now = nowOf(ctx);
  const loaded = await loadAccountRule(ctx.db, input.accountId);
  if (!loaded) return null;
  const domain = input.target.kind === "domain" ? loaded.domains.find((d) => d.id === (input.target as { domainId: string }).domainId) : null;
  if (input.target.kind === "domain" && !domain) return null;
  const members = await loadAccountMembersForEnforcement(ctx.db, input.accountId);
  const affected = newlyEnforcedMembers(members, loaded.rule, ruleAfter(loaded.rule, input.target), now);
  return {
    account: { id: loaded.account.id, name: loaded.account.name, slug: loaded.account.slug },
    target: { ...input.target, label: domain ? domain.domain : loaded.account.name },
    hasFreshTest: hasFreshlyTestedConnection(await loadConnectionTestStates(ctx.db, input.accountId), now),
    affected,
    lockedOut: lockoutList(affected, now),
    hasExemptAdmin: hasExemptAdmin(members, now),
    sessionsToEnd: await countNonSsoSessions(
      ctx.db,
      input.accountId,
      affected.map((m) => m.userId),
      now,
    ),
  };
}

/** Ends the newly enforced members' other sessions and audits how many, inside the change's transaction. */
async function applyEnforcementEffects(
  tx: Tx,
  input: { accountId: string; actor: Actor; members: AccountMemberForEnforcement[]; before: AccountSsoRule; after: AccountSsoRule; now: Date },
): Promise<number> {
  const affected = newlyEnforcedMembers(input.members, input.before, input.after, input.now);
  const ended = await endNonSsoSessions(
    tx,
    input.accountId,
    affected.map((m) => m.userId),
  );
  if (ended > 0) {
    await recordAuditEvent(tx, {
      accountId: input.accountId,
      actor: input.actor,
      action: "security.sessions_ended",
      metadata: { reason: "sso_enforced", count: ended, members: affected.length },
    });
  }
  return ended;
}

/** Why switching enforcement on is refused (no fresh test, or not confirmed), or null when it may go ahead. */
async function interlockRefusal(
  ctx: Ctx,
  input: {
    account: { id: string; name: string; slug: string };
    members: AccountMemberForEnforcement[];
    before: AccountSsoRule;
    after: AccountSsoRule;
    confirmation: string | null | undefined;
    now: Date;
  },
): Promise<EnforcementRefusal | null> {
  const decision = decideEnforcementChange({
    connections: await loadConnectionTestStates(ctx.db, input.account.id),
    affected: newlyEnforcedMembers(input.members, input.before, input.after, input.now),
    account: input.account,
    confirmation: input.confirmation,
    now: input.now,
  });
  return decision.ok ? null : decision.error;
}

/**
 * Changes the account's authentication requirement and its requireMfa switch. Switching to `sso`
 * needs a freshly tested connection and the typed confirmation (the slug or name); it then ends
 * the affected members' sessions that were not signed in through this account's SSO.
 */
export async function updateSecuritySettings(
  ctx: Ctx,
  input: { accountId: string; actor: Actor; authRequired: AuthRequirement; requireMfa: boolean; confirmation?: string | null },
): Promise<Result<{ endedSessions: number }, SecuritySettingsError>> {
  if (!(await isAccountAdminInPerson(ctx.db, input.accountId, input.actor))) return fail({ code: "forbidden" });
  const now = nowOf(ctx);
  const loaded = await loadAccountRule(ctx.db, input.accountId);
  if (!loaded) return fail({ code: "not_found" });
  const { account, rule } = loaded;
  const after: AccountSsoRule = { ...rule, authRequired: input.authRequired };
  const members = await loadAccountMembersForEnforcement(ctx.db, input.accountId);
  if (input.authRequired === "sso" && account.authRequired !== "sso") {
    const refusal = await interlockRefusal(ctx, { account, members, before: rule, after, confirmation: input.confirmation, now });
    if (refusal) return fail(refusal);
  }
  const endedSessions = await ctx.db.transaction(async (tx) => {
    await tx.update(accounts).set({ authRequired: input.authRequired, requireMfa: input.requireMfa }).where(eq(accounts.id, input.accountId));
    const target = { type: "account", id: account.id, label: account.name };
    if (account.authRequired !== input.authRequired) {
      await recordAuditEvent(tx, {
        accountId: account.id,
        actor: input.actor,
        action: "security.auth_required_changed",
        target,
        metadata: { from: account.authRequired, to: input.authRequired },
      });
    }
    if (account.requireMfa !== input.requireMfa) {
      await recordAuditEvent(tx, {
        accountId: account.id,
        actor: input.actor,
        action: "security.require_mfa_changed",
        target,
        metadata: { from: onOff(account.requireMfa), to: onOff(input.requireMfa) },
      });
    }
    return applyEnforcementEffects(tx, { accountId: account.id, actor: input.actor, members, before: rule, after, now });
  });
  return ok({ endedSessions });
}

const onOff = (value: boolean) => (value ? "on" : "off");

/**
 * "Require SSO for people on this domain" (a verified domain of the account). Switching it on has
 * the same interlock and confirmation as account-wide `sso`, and ends the same sessions.
 */
export async function setDomainSsoEnforcement(
  ctx: Ctx,
  input: { accountId: string; actor: Actor; domainId: string; enforceSso: boolean; confirmation?: string | null },
): Promise<Result<{ endedSessions: number }, SecuritySettingsError>> {
  if (!(await isAccountAdminInPerson(ctx.db, input.accountId, input.actor))) return fail({ code: "forbidden" });
  const now = nowOf(ctx);
  const loaded = await loadAccountRule(ctx.db, input.accountId);
  const domain = loaded?.domains.find((d) => d.id === input.domainId);
  if (!loaded || !domain) return fail({ code: "not_found" });
  const { account, rule } = loaded;
  const after: AccountSsoRule = input.enforceSso
    ? ruleAfter(rule, { kind: "domain", domainId: domain.id })
    : { ...rule, enforcingDomainIds: rule.enforcingDomainIds.filter((id) => id !== domain.id) };
  const members = await loadAccountMembersForEnforcement(ctx.db, input.accountId);
  if (input.enforceSso && !domain.enforceSso) {
    const refusal = await interlockRefusal(ctx, { account, members, before: rule, after, confirmation: input.confirmation, now });
    if (refusal) return fail(refusal);
  }
  const endedSessions = await ctx.db.transaction(async (tx) => {
    await tx
      .update(accountDomains)
      .set({ enforceSso: input.enforceSso })
      .where(and(eq(accountDomains.id, domain.id), eq(accountDomains.accountId, account.id)));
    if (domain.enforceSso !== input.enforceSso) {
      await recordAuditEvent(tx, {
        accountId: account.id,
        actor: input.actor,
        action: "domain.sso_enforcement_changed",
        target: { type: "domain", id: domain.id, label: domain.domain },
        metadata: { from: onOff(domain.enforceSso), to: onOff(input.enforceSso) },
      });
    }
    return applyEnforcementEffects(tx, { accountId: account.id, actor: input.actor, members, before: rule, after, now });
  });
  return ok({ endedSessions });
}

export type ExemptionError = { code: "forbidden" } | { code: "not_a_member" } | { code: "until_in_past" };

/** How the audit log names an exemption: "none", "no end date" or "until 2026-12-31". */
export const describeExemption = (exempt: boolean, until: Date | null) =>
  !exempt ? "none" : until ? `until ${until.toISOString().slice(0, 10)}` : "no end date";

/**
 * "SSO off for this member", optionally until a date: break-glass admins and contractors keep a
 * password while the account enforces SSO. Ending an exemption ends the member's other sessions
 * when the account enforces SSO for them.
 */
export async function setMemberSsoExemption(
  ctx: Ctx,
  input: { accountId: string; actor: Actor; userId: string; exempt: boolean; until: Date | null },
): Promise<Result<{ endedSessions: number }, ExemptionError>> {
  if (!(await isAccountAdminInPerson(ctx.db, input.accountId, input.actor))) return fail({ code: "forbidden" });
  const now = nowOf(ctx);
  const until = input.exempt ? input.until : null;
  if (until && until.getTime() <= now.getTime()) return fail({ code: "until_in_past" });
  const loaded = await loadAccountRule(ctx.db, input.accountId);
  const members = await loadAccountMembersForEnforcement(ctx.db, input.accountId);
  const member = members.find((m) => m.userId === input.userId);
  if (!loaded || !member) return fail({ code: "not_a_member" });
  const updated = { ...member, ssoExempt: input.exempt, ssoExemptUntil: until };
  const endedSessions = await ctx.db.transaction(async (tx) => {
    await tx.update(memberships).set({ ssoExempt: input.exempt, ssoExemptUntil: until }).where(eq(memberships.id, member.membershipId));
    const from = describeExemption(member.ssoExempt, member.ssoExemptUntil);
    const to = describeExemption(input.exempt, until);
    if (from !== to) {
      await recordAuditEvent(tx, {
        accountId: input.accountId,
        actor: input.actor,
        action: "member.sso_exemption_changed",
        target: { type: "user", id: member.userId, label: member.email },
        metadata: { from, to },
      });
    }
    // Same rule, the member's exemption before and after.
    if (!isEnforcedUnder(updated, loaded.rule, now) || isEnforcedUnder(member, loaded.rule, now)) return 0;
    const ended = await endNonSsoSessions(tx, input.accountId, [member.userId]);
    if (ended > 0)
      await recordAuditEvent(tx, {
        accountId: input.accountId,
        actor: input.actor,
        action: "security.sessions_ended",
        target: { type: "user", id: member.userId, label: member.email },
        metadata: { reason: "sso_exemption_ended", count: ended, members: 1 },
      });
    return ended;
  });
  return ok({ endedSessions });
}
