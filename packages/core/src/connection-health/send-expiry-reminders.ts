import { accounts, and, eq, ssoConnections, ssoExpiryReminders } from "@gatehouse/db";
import { credentialExpiryEmail } from "@gatehouse/email";
import { listAccountAdminEmails } from "../account-admins";
import { recordAuditEvent } from "../audit";
import type { CoreContext } from "../context";
import { connectionHealth, credentialFix, dueReminderThreshold, type CredentialHealth } from "./connection-health";

const REMINDER_ACTOR = { userId: null, label: "Expiry reminders", ip: null };

/**
 * The daily sweep: for every switched-on connection whose certificate or client secret expires
 * within 30 days, emails the account's admins at 30, 14, 7 and 1 days before. Each reminder is
 * claimed in sso_expiry_reminders before it is sent, so it goes out once across replicas and
 * reruns. Returns how many reminders were sent.
 */
export async function sendExpiryReminders(ctx: CoreContext, now: Date): Promise<number> {
  const connections = await ctx.db
    .select({
      id: ssoConnections.id,
      accountId: ssoConnections.accountId,
      name: ssoConnections.name,
      provider: ssoConnections.provider,
      certificates: ssoConnections.certificates,
      clientSecretExpiresAt: ssoConnections.clientSecretExpiresAt,
      accountName: accounts.name,
    })
    .from(ssoConnections)
    .innerJoin(accounts, eq(accounts.id, ssoConnections.accountId))
    .where(eq(ssoConnections.enabled, true));
  let sent = 0;
  for (const connection of connections) {
    const { credential } = connectionHealth(connection, now);
    if (!credential || credential.status !== "expiring") continue;
    if (await remind(ctx, connection, credential)) sent += 1;
  }
  return sent;
}

type Connection = { id: string; accountId: string; name: string; accountName: string };

async function remind(ctx: CoreContext, connection: Connection, credential: CredentialHealth): Promise<boolean> {
  const key = and(
    eq(ssoExpiryReminders.connectionId, connection.id),
    eq(ssoExpiryReminders.credential, credential.credential),
    eq(ssoExpiryReminders.expiresAt, credential.expiresAt),
  );
  const already = (await ctx.db.select({ days: ssoExpiryReminders.thresholdDays }).from(ssoExpiryReminders).where(key)).map((r) => r.days);
  const threshold = dueReminderThreshold(credential.daysLeft, already);
  if (threshold === null) return false;
  const admins = await listAccountAdminEmails(ctx.db, connection.accountId);
  const [claimed] = await ctx.db
    .insert(ssoExpiryReminders)
    .values({
      connectionId: connection.id,
      credential: credential.credential,
      expiresAt: credential.expiresAt,
      thresholdDays: threshold,
      recipients: admins.length,
    })
    .onConflictDoNothing()
    .returning({ id: ssoExpiryReminders.id });
  if (!claimed) return false;
  const email = credentialExpiryEmail({
    accountName: connection.accountName,
    connectionName: connection.name,
    what: credential.what,
    expiresAt: credential.expiresAt,
    daysLeft: credential.daysLeft,
    fix: credentialFix(credential.what),
    connectionUrl: `${ctx.appUrl}/settings/security/${connection.id}`,
  });
  for (const to of admins) await ctx.mailer.send({ ...email, to, template: "credential-expiry" });
  await recordAuditEvent(ctx.db, {
    accountId: connection.accountId,
    actor: REMINDER_ACTOR,
    action: "sso.connection.expiry_reminder_sent",
    target: { type: "sso_connection", id: connection.id, label: connection.name },
    metadata: { what: credential.what, daysLeft: credential.daysLeft, threshold, expiresAt: credential.expiresAt.toISOString(), recipients: admins.length },
  });
  return true;
}
