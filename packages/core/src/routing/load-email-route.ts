import { accounts, and, asc, eq, ssoConnections, type Database } from "@gatehouse/db";
import { findVerifiedDomainForEmail } from "../domains/verified-domains";
import { domainRequiresSso, routeEmail, type DomainMatch, type EmailRoute, type RoutableConnection } from "./route-email";

export type LoadedEmailRoute = { route: EmailRoute; match: DomainMatch | null };

/**
 * Gathers routeEmail's inputs (the verified domain, then its account with its switched-on
 * connections: two queries) and decides. No user is looked up.
 */
export async function loadEmailRoute(db: Database, email: string, now: Date = new Date()): Promise<LoadedEmailRoute> {
  const domain = await findVerifiedDomainForEmail(db, email);
  if (!domain) return { route: routeEmail({ match: null, connections: [] }), match: null };
  const rows = await db
    .select({
      slug: accounts.slug,
      authRequired: accounts.authRequired,
      enforcementSuspendedUntil: accounts.enforcementSuspendedUntil,
      connection: {
        id: ssoConnections.id,
        accountId: ssoConnections.accountId,
        name: ssoConnections.name,
        buttonText: ssoConnections.buttonText,
        logoDataUrl: ssoConnections.logoDataUrl,
        enabled: ssoConnections.enabled,
      },
    })
    .from(accounts)
    .leftJoin(ssoConnections, and(eq(ssoConnections.accountId, accounts.id), eq(ssoConnections.enabled, true)))
    .where(eq(accounts.id, domain.accountId))
    .orderBy(asc(ssoConnections.createdAt));
  if (rows.length === 0) return { route: routeEmail({ match: null, connections: [] }), match: null };
  const first = rows[0]!;
  const requiresSso = domainRequiresSso(
    { authRequired: first.authRequired, domainEnforcesSso: domain.enforceSso, enforcementSuspendedUntil: first.enforcementSuspendedUntil },
    now,
  );
  const match: DomainMatch = { accountId: domain.accountId, accountSlug: first.slug, domain: domain.domain, requiresSso };
  const connections = rows.flatMap((r) => (r.connection ? [r.connection as RoutableConnection] : []));
  return { route: routeEmail({ match, connections }), match };
}
