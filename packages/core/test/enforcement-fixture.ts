import { ssoConnections, type Database } from "@gatehouse/db";
import { ensureAccount, ensureMember } from "../src";

export const PASSWORD = "integration-password";

/** An account "Acme <tag>" with an admin, a member (both with PASSWORD) and an OIDC connection, tested unless `freshTest: false`. */
export async function accountWithConnection(db: Database, tag: string, options: { freshTest?: boolean } = {}) {
  const account = await ensureAccount(db, { name: `Acme ${tag}`, slug: `acme-${tag}` });
  const admin = await ensureMember(db, { accountId: account.id, email: `admin@${tag}.test`, name: "Admin", role: "admin", password: PASSWORD });
  const member = await ensureMember(db, { accountId: account.id, email: `member@gmail-${tag}.test`, name: "Member", role: "member", password: PASSWORD });
  const [connection] = await db
    .insert(ssoConnections)
    .values({
      accountId: account.id,
      provider: "oidc",
      name: `Okta ${tag}`,
      buttonText: "Sign in with Okta",
      enabled: true,
      verifiedAt: options.freshTest === false ? null : new Date(),
      attributeMapping: {} as never,
    })
    .returning();
  return { account, admin, member, connection: connection!, actor: { userId: admin.id, label: admin.email, ip: "127.0.0.1" } };
}
