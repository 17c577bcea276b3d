import { accounts, eq, memberships, users, type Database, type MemberRole } from "@gatehouse/db";
import { normaliseEmail } from "./email-address";
import { hashPassword } from "./passwords";
import { findUserByEmail } from "./users";

export const DEMO_PASSWORD = "gatehouse-demo";

type SeedMember = { email: string; name: string; role: MemberRole };
type SeedAccount = { name: string; slug: string; members: SeedMember[] };

export const DEMO_ACCOUNTS: SeedAccount[] = [
  {
    name: "Acme",
    slug: "acme",
    members: [
      { email: "admin@acme.test", name: "Ada Admin", role: "admin" },
      { email: "member@acme.test", name: "Max Member", role: "member" },
      { email: "alice@acme.test", name: "Alice Anders", role: "member" },
      { email: "bruno@acme.test", name: "Bruno Baker", role: "member" },
      { email: "chen@acme.test", name: "Chen Cho", role: "admin" },
      { email: "dana@acme.test", name: "Dana Diaz", role: "member" },
    ],
  },
  {
    name: "Globex",
    slug: "globex",
    members: [
      { email: "admin@globex.test", name: "Gina Globex", role: "admin" },
      { email: "bob@globex.test", name: "Bob Brown", role: "member" },
    ],
  },
];

/** Creates (or finds) an account by slug. */
export async function ensureAccount(db: Database, input: { name: string; slug: string }) {
  const [found] = await db.select().from(accounts).where(eq(accounts.slug, input.slug)).limit(1);
  if (found) return found;
  const [created] = await db.insert(accounts).values(input).returning();
  return created!;
}

/** Creates (or finds) a user with a password and adds them to an account: the factory seeds and tests share. */
export async function ensureMember(
  db: Database,
  input: { accountId: string; email: string; name: string; role: MemberRole; password?: string | null; passwordHash?: string },
) {
  let user = await findUserByEmail(db, input.email);
  if (!user) {
    const passwordHash = input.passwordHash ?? (input.password ? await hashPassword(input.password) : null);
    const [created] = await db
      .insert(users)
      .values({ email: normaliseEmail(input.email), name: input.name, passwordHash, emailVerifiedAt: new Date() })
      .returning();
    user = created!;
  }
  await db.insert(memberships).values({ accountId: input.accountId, userId: user.id, role: input.role, source: "seed" }).onConflictDoNothing();
  return user;
}

/** The demo data of the README: Acme and Globex with password `gatehouse-demo`. Idempotent. */
export async function seedDemoData(db: Database): Promise<{ created: boolean }> {
  const [existing] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.slug, "acme")).limit(1);
  if (existing) return { created: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    const row = await ensureAccount(db, account);
    for (const member of account.members) await ensureMember(db, { ...member, accountId: row.id, passwordHash });
  }
  return { created: true };
}
