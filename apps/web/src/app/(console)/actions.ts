"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { signOutSession, switchActiveAccount } from "@gatehouse/core";
import { signOut } from "@/auth/config";
import { readSessionId } from "@/auth/session-cookie";
import { requireSession } from "@/auth/session";
import { coreContext } from "@/server/context";
import { clientIp } from "@/server/request";

/** Ends the server-side session (so the cookie is worthless even if kept) and clears the cookie. */
export async function signOutAction(): Promise<void> {
  const sid = await readSessionId();
  if (sid) await signOutSession(coreContext(), sid, await clientIp());
  await signOut({ redirectTo: "/login?notice=signedout" });
}

const switchSchema = z.object({ accountId: z.string().uuid() });

/** Switches accounts; one this session's sign-in did not prove asks for its own sign-in first. */
export async function switchAccountAction(formData: FormData): Promise<void> {
  await requireSession();
  const parsed = switchSchema.safeParse({ accountId: formData.get("accountId") });
  const sid = await readSessionId();
  if (parsed.success && sid) {
    const outcome = await switchActiveAccount(coreContext().db, sid, parsed.data.accountId);
    if (outcome === "needs_sign_in") redirect(`/switch-account/${parsed.data.accountId}`);
  }
  redirect("/settings/team");
}
