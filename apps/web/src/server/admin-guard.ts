import type { Actor } from "@gatehouse/core";
import { actorOf, isAdminSession, requireAccount, type AccountSession } from "@/auth/session";

/**
 * The one gate in front of the console's admin-only pages and actions: a signed-in session (else
 * the sign-in page), an active account (else /no-account), and the admin role there. Core checks
 * the role again on every change; this gate is what lets pages show "admins only" instead.
 */
export const ADMINS_ONLY = "Only account admins can do that. Ask an admin of this account.";

export type AdminAccess =
  { ok: true; session: AccountSession; accountId: string; actor: Actor } | { ok: false; accountName: string; error: typeof ADMINS_ONLY };

export async function requireAdmin(): Promise<AdminAccess> {
  return adminAccessOf(await requireAccount());
}

/** The same check on a session already loaded: a route handler answers with a status, not a redirect. */
export async function adminAccessOf(session: AccountSession): Promise<AdminAccess> {
  if (!isAdminSession(session)) return { ok: false, accountName: session.activeAccount.name, error: ADMINS_ONLY };
  return { ok: true, session, accountId: session.activeAccount.id, actor: await actorOf(session) };
}
