"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { proveAccountWithPassword } from "@gatehouse/core";
import { requireSession } from "@/auth/session";
import { readSessionId } from "@/auth/session-cookie";
import { fieldErrorsOf, formValues, type ActionState } from "@/lib/forms/action-state";
import { coreContext } from "@/server/context";
import { clientIp } from "@/server/request";

const proveSchema = z.object({
  accountId: z.string().uuid(),
  password: z.string().min(1, "Enter your password.").max(1024, "That password is too long."),
});

/** Re-checks the password, then the session also grants the chosen account and switches to it. */
export async function proveAccountWithPasswordAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = proveSchema.safeParse(formValues(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  const session = await requireSession();
  const sessionId = await readSessionId();
  if (!sessionId || !session.accounts.some((a) => a.id === parsed.data.accountId)) return { error: "You are not a member of that account." };
  const result = await proveAccountWithPassword(coreContext(), {
    sessionId,
    user: session.user,
    accountId: parsed.data.accountId,
    password: parsed.data.password,
    ip: await clientIp(),
  });
  if (!result.ok) {
    if (result.error.code === "rate_limited")
      return { error: `Too many attempts. Try again in ${result.error.retryAfterMinutes} minutes, or reset your password.` };
    if (result.error.code === "not_a_member") return { error: "You are not a member of that account." };
    if (result.error.code === "sso_required") return { error: "This account requires signing in with SSO. Use its sign-in button above." };
    return { error: "That password is not right. Try again, or reset your password." };
  }
  redirect("/settings/team");
}
