import { ssoConnections, type Database, type SsoConnection } from "@gatehouse/db";
import { PROVIDERS } from "../src/sso/providers";

/** An Okta-shaped OIDC connection row for tests that need one to hang a directory or a rule on. */
export async function insertOktaConnection(db: Database, accountId: string, values: Partial<typeof ssoConnections.$inferInsert> = {}): Promise<SsoConnection> {
  const [connection] = await db
    .insert(ssoConnections)
    .values({
      accountId,
      provider: "okta",
      name: "Okta",
      buttonText: "Sign in with Okta",
      attributeMapping: PROVIDERS.okta.defaultMapping,
      ...values,
    })
    .returning();
  return connection!;
}
