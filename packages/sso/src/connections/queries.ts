import { and, desc, eq, ssoConnections, ssoResults, type Database, type SsoConnection } from "@gatehouse/db";
import { decryptSecret, maskSecret, PROVIDERS } from "@gatehouse/core";

/** A connection as pages may see it: the client secret is reduced to a mask. */
export type ConnectionView = Omit<SsoConnection, "clientSecretEncrypted"> & {
  providerLabel: string;
  protocol: "oidc" | "saml";
  clientSecretMask: string | null;
  /** True when Authenticate (or a test sign-in) succeeded with the current settings. */
  isVerified: boolean;
};

export function toConnectionView(row: SsoConnection, encryptionKey: string): ConnectionView {
  const { clientSecretEncrypted, ...rest } = row;
  let clientSecretMask: string | null = null;
  if (clientSecretEncrypted) {
    try {
      clientSecretMask = maskSecret(decryptSecret(clientSecretEncrypted, encryptionKey));
    } catch {
      clientSecretMask = "(saved with another ENCRYPTION_KEY: enter it again)";
    }
  }
  const info = PROVIDERS[row.provider];
  return { ...rest, providerLabel: info.label, protocol: info.protocol, clientSecretMask, isVerified: row.verifiedAt !== null };
}

export async function listConnections(db: Database, accountId: string, encryptionKey: string): Promise<ConnectionView[]> {
  const rows = await db.select().from(ssoConnections).where(eq(ssoConnections.accountId, accountId)).orderBy(ssoConnections.createdAt);
  return rows.map((row) => toConnectionView(row, encryptionKey));
}

export async function getConnection(db: Database, accountId: string, connectionId: string): Promise<SsoConnection | null> {
  if (!/^[0-9a-f-]{36}$/i.test(connectionId)) return null;
  const [row] = await db
    .select()
    .from(ssoConnections)
    .where(and(eq(ssoConnections.id, connectionId), eq(ssoConnections.accountId, accountId)))
    .limit(1);
  return row ?? null;
}

export async function getConnectionView(db: Database, accountId: string, connectionId: string, encryptionKey: string): Promise<ConnectionView | null> {
  const row = await getConnection(db, accountId, connectionId);
  return row ? toConnectionView(row, encryptionKey) : null;
}

/** The connection's Authenticate, test and sign-in results, newest first. */
export async function listConnectionResults(db: Database, connectionId: string, limit = 20) {
  return db.select().from(ssoResults).where(eq(ssoResults.connectionId, connectionId)).orderBy(desc(ssoResults.createdAt)).limit(limit);
}

/** Enabled connections of an account, by slug, for its SSO sign-in page. */
export async function listEnabledConnectionsForAccount(db: Database, accountId: string) {
  return db
    .select({
      id: ssoConnections.id,
      name: ssoConnections.name,
      buttonText: ssoConnections.buttonText,
      provider: ssoConnections.provider,
      logoDataUrl: ssoConnections.logoDataUrl,
    })
    .from(ssoConnections)
    .where(and(eq(ssoConnections.accountId, accountId), eq(ssoConnections.enabled, true)))
    .orderBy(ssoConnections.createdAt);
}

/** A connection members may sign in with right now (enabled), whatever its account. */
export async function getEnabledConnection(db: Database, connectionId: string): Promise<SsoConnection | null> {
  if (!/^[0-9a-f-]{36}$/i.test(connectionId)) return null;
  const [row] = await db
    .select()
    .from(ssoConnections)
    .where(and(eq(ssoConnections.id, connectionId), eq(ssoConnections.enabled, true)))
    .limit(1);
  return row ?? null;
}
