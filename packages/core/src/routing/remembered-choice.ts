import { accounts, eq, ssoConnections, type AuthRequirement, type Database } from "@gatehouse/db";
import { loadEmailRoute } from "./load-email-route";
import { domainRequiresSso, offersPasswordInstead, type DomainMatch } from "./route-email";

export type RememberedChoiceFacts = {
  /** The email's verified domain, as routing sees it (null when no account verified it). */
  domainMatch: DomainMatch | null;
  /** The account of the remembered connection. */
  connectionAccount: { authRequired: AuthRequirement; enforcementSuspendedUntil: Date | null };
};

/**
 * Whether "Continue as … with <connection>" may also offer "Use my password instead". Not when
 * the email's domain requires SSO, nor when the connection's account requires SSO account-wide:
 * the link would lead to a password that is refused. Like routing, this looks at no user (the
 * cookie it answers is not signed), so an exempt member reaches the password by "Use another account".
 */
export function offersPasswordOnRememberedChoice(facts: RememberedChoiceFacts, now: Date): boolean {
  if (facts.domainMatch && !offersPasswordInstead(facts.domainMatch)) return false;
  return !domainRequiresSso({ ...facts.connectionAccount, domainEnforcesSso: false }, now);
}

/** Loads the facts for offersPasswordOnRememberedChoice; false when the connection is gone. */
export async function loadRememberedChoicePasswordOffer(
  db: Database,
  input: { email: string; connectionId: string },
  now: Date = new Date(),
): Promise<boolean> {
  const [connectionAccount] = await db
    .select({ authRequired: accounts.authRequired, enforcementSuspendedUntil: accounts.enforcementSuspendedUntil })
    .from(ssoConnections)
    .innerJoin(accounts, eq(accounts.id, ssoConnections.accountId))
    .where(eq(ssoConnections.id, input.connectionId))
    .limit(1);
  if (!connectionAccount) return false;
  const { match } = await loadEmailRoute(db, input.email, now);
  return offersPasswordOnRememberedChoice({ domainMatch: match, connectionAccount }, now);
}
