const DAY_MS = 86_400_000;

/** Days before expiry at which admins are warned in the console and reminded by email. */
export const EXPIRY_REMINDER_DAYS = [30, 14, 7, 1] as const;
export const EXPIRY_WARNING_DAYS = EXPIRY_REMINDER_DAYS[0];

/** What connection health reads from a connection row (a subset of sso_connections). */
export type HealthInput = {
  provider: string;
  certificates: { sha256Fingerprint: string; subject: string; notAfter: string }[];
  clientSecretExpiresAt: Date | null;
};

export type HealthStatus = "ok" | "expiring" | "expired";

/** The credential of a connection that expires: its signing certificate or its client secret. */
export type CredentialHealth = {
  what: "certificate" | "secret";
  /** Stable key for reminders: the certificate's fingerprint, or "client_secret". */
  credential: string;
  expiresAt: Date;
  /** Days left, rounded up (half a day left is "1 day"); 0 or less once expired. */
  daysLeft: number;
  status: HealthStatus;
};

export type ConnectionHealth = {
  status: HealthStatus | "unknown";
  /** The credential the status is about; null when nothing with an expiry is known. */
  credential: CredentialHealth | null;
  /** One line for the console: what is wrong and what to do. Null when all is well. */
  message: string | null;
};

/**
 * How close a connection is to breaking because a credential expires. A SAML connection works
 * while the certificate the IdP signs with is valid; during a rotation the newest certificate is
 * the one that counts (an older expired one only needs removing). An OIDC connection breaks when
 * its client secret expires, if the admin gave that date.
 */
export function connectionHealth(connection: HealthInput, now: Date): ConnectionHealth {
  const credential = credentialOf(connection, now);
  if (!credential) return { status: connection.provider === "saml" ? "unknown" : "ok", credential: null, message: null };
  return { status: credential.status, credential, message: messageFor(credential) };
}

function credentialOf(connection: HealthInput, now: Date): CredentialHealth | null {
  if (connection.provider === "saml") {
    const newest = [...connection.certificates].sort((a, b) => Date.parse(b.notAfter) - Date.parse(a.notAfter))[0];
    return newest ? assess("certificate", newest.sha256Fingerprint, new Date(newest.notAfter), now) : null;
  }
  return connection.clientSecretExpiresAt ? assess("secret", "client_secret", connection.clientSecretExpiresAt, now) : null;
}

function assess(what: CredentialHealth["what"], credential: string, expiresAt: Date, now: Date): CredentialHealth {
  const daysLeft = Math.ceil((expiresAt.getTime() - now.getTime()) / DAY_MS);
  const status: HealthStatus = daysLeft <= 0 ? "expired" : daysLeft <= EXPIRY_WARNING_DAYS ? "expiring" : "ok";
  return { what, credential, expiresAt, daysLeft, status };
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The fix, in the words of the IdP's console. */
export function credentialFix(what: CredentialHealth["what"]): string {
  return what === "certificate"
    ? "Get the new signing certificate from your identity provider and add it on the connection's page (or refresh its metadata) before then; keep the old one until sign-ins use the new one."
    : "Create a new client secret at your identity provider, paste it into the connection's settings and enter its new expiry date.";
}

function messageFor(c: CredentialHealth): string | null {
  const name = c.what === "certificate" ? "The SAML signing certificate" : "The OIDC client secret";
  if (c.status === "ok") return null;
  if (c.status === "expired") {
    const fix = c.what === "certificate" ? "Add the identity provider's current signing certificate on the connection's page." : credentialFix("secret");
    return `${name} expired on ${day(c.expiresAt)}: sign-ins through this connection fail. ${fix}`;
  }
  const left = c.daysLeft === 1 ? "in 1 day" : `in ${c.daysLeft} days`;
  return `${name} expires on ${day(c.expiresAt)} (${left}). ${credentialFix(c.what)}`;
}

/**
 * Which reminder is due for a credential with `daysLeft`, given the thresholds already sent for
 * this expiry date: the most urgent threshold reached, once. A connection first seen with 5 days
 * left gets the 7-day reminder only, not the 30- and 14-day ones as well; expired gets none.
 */
export function dueReminderThreshold(daysLeft: number, alreadySent: readonly number[]): number | null {
  if (daysLeft <= 0) return null;
  const mostUrgent = EXPIRY_REMINDER_DAYS.filter((t) => daysLeft <= t).at(-1);
  if (mostUrgent === undefined || alreadySent.some((t) => t <= mostUrgent)) return null;
  return mostUrgent;
}
