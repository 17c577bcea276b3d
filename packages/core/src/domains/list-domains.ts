import { accountDomains, asc, eq, type AccountDomain, type Database } from "@gatehouse/db";

/** An account's domain claims in every status, for the Domains page. */
export async function listAccountDomains(db: Database, accountId: string): Promise<AccountDomain[]> {
  return db.select().from(accountDomains).where(eq(accountDomains.accountId, accountId)).orderBy(asc(accountDomains.domain));
}
