import { accountDomains, accounts, and, eq, inArray, memberships, ssoConnections, ssoIdentities, users, type Database } from "@gatehouse/db";
import { emailDomain } from "../email-address";
import { matchVerifiedDomain } from "../domains/match-verified-domain";
import type { ConnectionTestState, LockoutCandidate } from "./decide-enforcement-change";
import type { MembershipEnforcement } from "./decide-sign-in-policy";

type DomainRow = { id: string; accountId: string; domain: string; includeSubdomains: boolean; enforceSso: boolean };

/** An account's verified domains, with their "Require SSO" switch. */
export async function listVerifiedDomainsWithEnforcement(db: Database, accountIds: string[]): Promise<DomainRow[]> {
  if (accountIds.length === 0) return [];
  return db
    .select({
      id: accountDomains.id,
      accountId: accountDomains.accountId,
      domain: accountDomains.domain,
      includeSubdomains: accountDomains.includeSubdomains,
      enforceSso: accountDomains.enforceSso,
    })
    .from(accountDomains)
    .where(and(inArray(accountDomains.accountId, accountIds), eq(accountDomains.status, "verified")));
}

/** The account's verified domain an email falls under (the most specific one), if any. */
export function domainOfEmail(email: string, domains: DomainRow[], accountId: string): DomainRow | null {
  const own = domains.filter((d) => d.accountId === accountId);
  const hit = matchVerifiedDomain(emailDomain(email), own);
  return hit ? (own.find((d) => d.domain === hit.domain) ?? null) : null;
}

/** Every membership of a user with what enforcement needs to know about it. */
export async function loadMembershipEnforcement(db: Database, userId: string): Promise<MembershipEnforcement[]> {
  const rows = await db
    .select({
      account: { id: accounts.id, name: accounts.name, slug: accounts.slug },
      authRequired: accounts.authRequired,
      enforcementSuspendedUntil: accounts.enforcementSuspendedUntil,
      ssoExempt: memberships.ssoExempt,
      ssoExemptUntil: memberships.ssoExemptUntil,
      email: users.email,
    })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.userId, userId))
    .orderBy(accounts.name);
  const domains = await listVerifiedDomainsWithEnforcement(
    db,
    rows.map((r) => r.account.id),
  );
  return rows.map(({ email, ...r }) => ({ ...r, emailOnEnforcingDomain: domainOfEmail(email, domains, r.account.id)?.enforceSso ?? false }));
}

/** The account's connections as the interlock sees them. */
export async function loadConnectionTestStates(db: Database, accountId: string): Promise<ConnectionTestState[]> {
  return db
    .select({
      id: ssoConnections.id,
      name: ssoConnections.name,
      enabled: ssoConnections.enabled,
      lastSuccessfulTestAt: ssoConnections.verifiedAt,
      markedTestedAt: ssoConnections.markedTestedAt,
    })
    .from(ssoConnections)
    .where(eq(ssoConnections.accountId, accountId));
}

export type AccountMemberForEnforcement = LockoutCandidate & { membershipId: string; domainId: string | null; domainEnforcesSso: boolean };

/** Every member of an account with their SSO history and domain, for the lockout list and the effects. */
export async function loadAccountMembersForEnforcement(db: Database, accountId: string): Promise<AccountMemberForEnforcement[]> {
  const rows = await db
    .select({
      membershipId: memberships.id,
      userId: users.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      ssoExempt: memberships.ssoExempt,
      ssoExemptUntil: memberships.ssoExemptUntil,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.accountId, accountId))
    .orderBy(users.email);
  const domains = await listVerifiedDomainsWithEnforcement(db, [accountId]);
  const withIdentity = new Set(
    (
      await db
        .selectDistinct({ userId: ssoIdentities.userId })
        .from(ssoIdentities)
        .innerJoin(ssoConnections, eq(ssoConnections.id, ssoIdentities.connectionId))
        .where(eq(ssoConnections.accountId, accountId))
    ).map((r) => r.userId),
  );
  return rows.map((r) => {
    const domain = domainOfEmail(r.email, domains, accountId);
    return {
      ...r,
      hasSsoIdentity: withIdentity.has(r.userId),
      emailOnVerifiedDomain: domain !== null,
      domainId: domain?.id ?? null,
      domainEnforcesSso: domain?.enforceSso ?? false,
    };
  });
}
