import { cache } from "react";
import { redirect } from "next/navigation";
import { resolveSession, type Actor, type ResolvedSession } from "@gatehouse/core";
import { currentMfaChallenge } from "@/server/mfa";
import { clientIp } from "@/server/request";
import { coreContext } from "@/server/context";
import { readSessionId } from "./session-cookie";

/**
 * The signed-in session for this request (one lookup per request), or null: the cookie's session
 * id, then one query. What next-auth's `auth()` would answer through its session callback, without
 * its per-read work (a whole internal request, key derivation, and a re-encrypted cookie that a
 * page cannot even set).
 */
export const getCurrentSession = cache(async (): Promise<ResolvedSession | null> => {
  const sessionId = await readSessionId();
  return sessionId ? resolveSession(coreContext(), sessionId) : null;
});

/** For pages and actions that need a signed-in member: anyone else goes to /login. */
export async function requireSession(): Promise<ResolvedSession> {
  const session = await getCurrentSession();
  // A session still owing its MFA step grants nothing; its owner finishes the step first.
  if (!session) redirect((await currentMfaChallenge()) ? "/login/mfa" : "/login");
  return session;
}

export type AccountSession = ResolvedSession & { activeAccount: NonNullable<ResolvedSession["activeAccount"]> };

/** A signed-in member with an active account. */
export async function requireAccount(): Promise<AccountSession> {
  const session = await requireSession();
  if (!session.activeAccount) redirect("/no-account");
  return session as AccountSession;
}

export async function actorOf(session: ResolvedSession): Promise<Actor> {
  return { userId: session.user.id, label: session.user.email, ip: await clientIp() };
}

export const isAdminSession = (session: AccountSession) => session.activeAccount.role === "admin";
