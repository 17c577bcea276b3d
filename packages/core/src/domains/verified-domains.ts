import { accountDomains, and, eq, inArray, type Database } from "@gatehouse/db";
import { candidateDomains, matchVerifiedDomain, type VerifiedDomain } from "./match-verified-domain";
import { emailDomain } from "../email-address";

const verifiedColumns = {
  accountId: accountDomains.accountId,
  domain: accountDomains.domain,
  includeSubdomains: accountDomains.includeSubdomains,
  id: accountDomains.id,
  autoJoin: accountDomains.autoJoin,
  enforceSso: accountDomains.enforceSso,
};

/** The verified domain (and so the account) an email falls under, if any: one indexed query. */
export async function findVerifiedDomainForEmail(db: Database, email: string) {
  const candidates = candidateDomains(emailDomain(email));
  if (candidates.length === 0) return null;
  const rows = await db
    .select(verifiedColumns)
    .from(accountDomains)
    .where(and(inArray(accountDomains.domain, candidates), eq(accountDomains.status, "verified")));
  const match = matchVerifiedDomain(emailDomain(email), rows);
  return match ? (rows.find((r) => r.domain === match.domain && r.accountId === match.accountId) ?? null) : null;
}

/** An account's verified domains, for SSO email trust and linking. */
export async function listVerifiedDomains(db: Database, accountId: string): Promise<VerifiedDomain[]> {
  return db
    .select({ accountId: accountDomains.accountId, domain: accountDomains.domain, includeSubdomains: accountDomains.includeSubdomains })
    .from(accountDomains)
    .where(and(eq(accountDomains.accountId, accountId), eq(accountDomains.status, "verified")));
}

/** Whether an email falls under one of the account's verified domains. */
export async function isEmailOnVerifiedDomain(db: Database, accountId: string, email: string): Promise<boolean> {
  return (await findVerifiedDomainForEmail(db, email))?.accountId === accountId;
}
