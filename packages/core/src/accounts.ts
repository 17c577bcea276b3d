import { accounts, eq, type Database } from "@gatehouse/db";

export async function findAccountBySlug(db: Database, slug: string) {
  const [account] = await db.select().from(accounts).where(eq(accounts.slug, slug.toLowerCase())).limit(1);
  return account ?? null;
}

export async function findAccountById(db: Database, id: string) {
  const [account] = await db.select().from(accounts).where(eq(accounts.id, id)).limit(1);
  return account ?? null;
}
