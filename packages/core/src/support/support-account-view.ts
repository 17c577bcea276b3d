import { accountDomains, accounts, asc, eq, ssoConnections, type AuditEvent, type SsoResultSummary } from "@gatehouse/db";
import { listAuditEvents } from "../audit";
import { nowOf, type CoreContext } from "../context";
import { connectionHealth, type ConnectionHealth } from "../connection-health/connection-health";
import { listPendingInvites } from "../invites";
import { usersWithMfa } from "../mfa/mfa-queries";
import { listMembersWithLogin, type MemberWithLogin } from "./members-with-login";

export const SUPPORT_RECENT_EVENTS = 25;

export type SupportAccountView = {
  account: { id: string; name: string; slug: string; createdAt: Date };
  enforcement: { authRequired: "any" | "mfa" | "sso"; requireMfa: boolean; suspendedUntil: Date | null; enforcedDomains: string[] };
  connections: {
    id: string;
    name: string;
    provider: string;
    enabled: boolean;
    verifiedAt: Date | null;
    lastResult: SsoResultSummary | null;
    /** Certificate or client-secret expiry, judged by the one rule the console uses (connectionHealth). */
    health: ConnectionHealth;
  }[];
  domains: { id: string; domain: string; status: string; enforceSso: boolean; autoJoin: string }[];
  /** With whether each has MFA, so support can see whom a reset would help. */
  members: (MemberWithLogin & { hasMfa: boolean })[];
  pendingInvites: { id: string; email: string; role: "admin" | "member"; expiresAt: Date }[];
  recentEvents: AuditEvent[];
};

/** Everything support needs to see about one account to help it, read in one place. */
export async function supportAccountView(ctx: Pick<CoreContext, "db" | "now">, accountId: string): Promise<SupportAccountView | null> {
  const { db } = ctx;
  const [account] = await db.select().from(accounts).where(eq(accounts.id, accountId)).limit(1);
  if (!account) return null;
  const [connections, domains, members, pendingInvites, recentEvents] = await Promise.all([
    db
      .select({
        id: ssoConnections.id,
        name: ssoConnections.name,
        provider: ssoConnections.provider,
        enabled: ssoConnections.enabled,
        verifiedAt: ssoConnections.verifiedAt,
        lastResult: ssoConnections.lastResult,
        certificates: ssoConnections.certificates,
        clientSecretExpiresAt: ssoConnections.clientSecretExpiresAt,
      })
      .from(ssoConnections)
      .where(eq(ssoConnections.accountId, accountId))
      .orderBy(asc(ssoConnections.createdAt)),
    db
      .select({
        id: accountDomains.id,
        domain: accountDomains.domain,
        status: accountDomains.status,
        enforceSso: accountDomains.enforceSso,
        autoJoin: accountDomains.autoJoin,
      })
      .from(accountDomains)
      .where(eq(accountDomains.accountId, accountId))
      .orderBy(asc(accountDomains.domain)),
    listMembersWithLogin(db, accountId),
    listPendingInvites(ctx, accountId),
    listAuditEvents(db, accountId, SUPPORT_RECENT_EVENTS),
  ]);
  const withMfa = await usersWithMfa(
    db,
    members.map((m) => m.userId),
  );
  return {
    account: { id: account.id, name: account.name, slug: account.slug, createdAt: account.createdAt },
    enforcement: {
      authRequired: account.authRequired,
      requireMfa: account.requireMfa,
      suspendedUntil: account.enforcementSuspendedUntil,
      enforcedDomains: domains.filter((d) => d.enforceSso).map((d) => d.domain),
    },
    connections: connections.map(({ certificates, clientSecretExpiresAt, ...c }) => ({
      ...c,
      health: connectionHealth({ provider: c.provider, certificates, clientSecretExpiresAt }, nowOf(ctx)),
    })),
    domains,
    members: members.map((m) => ({ ...m, hasMfa: withMfa.has(m.userId) })),
    pendingInvites: pendingInvites.map(({ id, email, role, expiresAt }) => ({ id, email, role, expiresAt })),
    recentEvents,
  };
}
