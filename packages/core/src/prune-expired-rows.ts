import {
  loginProviderFlows,
  loginProviderPending,
  lt,
  passwordResetTokens,
  sessions,
  signUpRequests,
  ssoEmailVerifications,
  ssoFlows,
  ssoTestRequests,
  type Database,
} from "@gatehouse/db";

/**
 * Rows stay a day past their expiry so a late click still gets "this link has expired" rather
 * than "unknown link"; after that nothing reads them.
 */
export const EXPIRED_ROW_GRACE_HOURS = 24;
/** Test-email requests stay longer: the connection page and the member's link speak of recent ones. */
export const EXPIRED_TEST_REQUEST_GRACE_DAYS = 30;

export type PrunedRows = {
  sessions: number;
  passwordResetTokens: number;
  signUpRequests: number;
  ssoFlows: number;
  ssoEmailVerifications: number;
  ssoTestRequests: number;
  loginProviderFlows: number;
  loginProviderPending: number;
};

/**
 * Deletes short-lived rows past their expiry (a periodic sweep): sessions (pending MFA steps
 * included), reset and sign-up links, SSO and login-provider round trips and held sign-ins, old
 * test-email requests. Setup links and invites are kept: the console lists expired ones to resend.
 */
export async function pruneExpiredRows(db: Database, now: Date): Promise<PrunedRows> {
  const before = new Date(now.getTime() - EXPIRED_ROW_GRACE_HOURS * 3_600_000);
  const testRequestsBefore = new Date(now.getTime() - EXPIRED_TEST_REQUEST_GRACE_DAYS * 86_400_000);
  const count = (rows: unknown[]) => rows.length;
  return {
    // A session is useless the moment it expires (resolveSession refuses it): no grace needed.
    sessions: count(await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.idHash })),
    passwordResetTokens: count(await db.delete(passwordResetTokens).where(lt(passwordResetTokens.expiresAt, before)).returning({ id: passwordResetTokens.id })),
    signUpRequests: count(await db.delete(signUpRequests).where(lt(signUpRequests.expiresAt, before)).returning({ id: signUpRequests.id })),
    ssoFlows: count(await db.delete(ssoFlows).where(lt(ssoFlows.expiresAt, before)).returning({ id: ssoFlows.id })),
    ssoEmailVerifications: count(
      await db.delete(ssoEmailVerifications).where(lt(ssoEmailVerifications.expiresAt, before)).returning({ id: ssoEmailVerifications.id }),
    ),
    ssoTestRequests: count(await db.delete(ssoTestRequests).where(lt(ssoTestRequests.expiresAt, testRequestsBefore)).returning({ id: ssoTestRequests.id })),
    loginProviderFlows: count(await db.delete(loginProviderFlows).where(lt(loginProviderFlows.expiresAt, before)).returning({ id: loginProviderFlows.id })),
    loginProviderPending: count(
      await db.delete(loginProviderPending).where(lt(loginProviderPending.expiresAt, before)).returning({ id: loginProviderPending.id }),
    ),
  };
}
