"use server";

import { redirect } from "next/navigation";
import { cookies } from "next/headers";
import { z } from "zod";
import { endSession, recordAuditEvent, switchActiveAccount } from "@gatehouse/core";
import { auth, signOut } from "@/auth/config";
import { actorOf, requireSession } from "@/auth/session";
import { coreContext } from "@/server/context";

/** Ends the server-side session (so the cookie is worthless even if kept) and clears the cookie. */
export async function signOutAction(): Promise<void> {
  const session = await auth();
  const resolved = session?.gatehouse;
  if (resolved) {
    await recordAuditEvent(coreContext().db, { accountId: resolved.activeAccount?.id ?? null, actor: await actorOf(resolved), action: "sign_out" });
  }
  const sid = await sessionIdFromCookie();
  if (sid) await endSession(coreContext().db, sid);
  await signOut({ redirectTo: "/login?notice=signedout" });
}

async function sessionIdFromCookie(): Promise<string | null> {
  const { decode } = await import("next-auth/jwt");
  const { env } = await import("@/env");
  const jar = await cookies();
  for (const name of ["__Secure-authjs.session-token", "authjs.session-token"]) {
    const value = jar.get(name)?.value;
    if (!value) continue;
    const token = await decode({ token: value, secret: env().AUTH_SECRET, salt: name }).catch(() => null);
    if (token?.sid) return token.sid;
  }
  return null;
}

const switchSchema = z.object({ accountId: z.string().uuid() });

export async function switchAccountAction(formData: FormData): Promise<void> {
  const session = await requireSession();
  const parsed = switchSchema.safeParse({ accountId: formData.get("accountId") });
  const sid = await sessionIdFromCookie();
  if (parsed.success && sid && session.accounts.some((a) => a.id === parsed.data.accountId)) {
    await switchActiveAccount(coreContext().db, sid, parsed.data.accountId);
  }
  redirect("/settings/team");
}
