import { accounts, and, asc, eq, ssoConnections, type Database } from "@gatehouse/db";
import { findVerifiedDomainForEmail } from "../domains/verified-domains";
import { routeEmail, type DomainMatch, type EmailRoute, type RoutableConnection } from "./route-email";

export type LoadedEmailRoute = { route: EmailRoute; match: DomainMatch | null };

/**
 * Gathers routeEmail's inputs (the verified domain, then its account with its switched-on
 * connections: two queries) and decides. No user is looked up.
 */
export async function loadEmailRoute(db: Database, email: string): Promise<LoadedEmailRoute> {
  const domain = await findVerifiedDomainForEmail(db, email);
  if (!domain) return { route: routeEmail({ match: null, connections: [] }), match: null };
  const rows = await db
    .select({
      slug: accounts.slug,
      connection: { id: ssoConnections.id, accountId: ssoConnections.accountId, name: ssoConnections.name, buttonText: ssoConnections.buttonText, logoDataUrl: ssoConnections.logoDataUrl, enabled: ssoConnections.enabled },
    })
    .from(accounts)
    .leftJoin(ssoConnections, and(eq(ssoConnections.accountId, accounts.id), eq(ssoConnections.enabled, true)))
    .where(eq(accounts.id, domain.accountId))
    .orderBy(asc(ssoConnections.createdAt));
  if (rows.length === 0) return { route: routeEmail({ match: null, connections: [] }), match: null };
  const match: DomainMatch = { accountId: domain.accountId, accountSlug: rows[0]!.slug, domain: domain.domain };
  const connections = rows.flatMap((r) => (r.connection ? [r.connection as RoutableConnection] : []));
  return { route: routeEmail({ match, connections }), match };
}
