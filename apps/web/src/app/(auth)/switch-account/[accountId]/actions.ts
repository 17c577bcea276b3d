"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { proveAccountWithCode, proveAccountWithPassword } from "@gatehouse/core";
import { requireSession } from "@/auth/session";
import { readSessionId } from "@/auth/session-cookie";
import { fieldErrorsOf, formValues, type ActionState } from "@/lib/forms/action-state";
import { isTicked, mfaChallengeSchema } from "@/lib/validators/mfa";
import { coreContext } from "@/server/context";
import { mfaCodeErrorMessage, mfaContext, readRememberedDevice, rememberThisDevice } from "@/server/mfa";
import { clientIp } from "@/server/request";

const accountIdSchema = z.object({ accountId: z.string().uuid() });
const proveSchema = accountIdSchema.extend({
  password: z.string().min(1, "Enter your password.").max(1024, "That password is too long."),
});
const NOT_A_MEMBER = "You are not a member of that account.";

/** The signed-in person, their session, and the account they are switching into (one they are a member of). */
async function switchTarget(accountId: string) {
  const session = await requireSession();
  const sessionId = await readSessionId();
  if (!sessionId || !session.accounts.some((a) => a.id === accountId)) return null;
  return { sessionId, user: session.user, accountId, ip: await clientIp() };
}

/**
 * Re-checks the password. Then either the session also grants the chosen account and switches
 * to it, or (the person has MFA) the page asks for the code, the password held server-side.
 */
export async function proveAccountWithPasswordAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = proveSchema.safeParse(formValues(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  const target = await switchTarget(parsed.data.accountId);
  if (!target) return { error: NOT_A_MEMBER };
  const result = await proveAccountWithPassword(coreContext(), {
    ...target,
    password: parsed.data.password,
    rememberedDeviceToken: await readRememberedDevice(),
  });
  if (!result.ok) {
    switch (result.error.code) {
      case "rate_limited":
        return { error: `Too many attempts. Try again in ${result.error.retryAfterMinutes} minutes, or reset your password.` };
      case "not_a_member":
        return { error: NOT_A_MEMBER };
      case "sso_required":
        return { error: "This account requires signing in with SSO. Use its sign-in button above." };
      case "mfa_enrolment_required":
        return {
          error:
            "One of your accounts requires two-step verification, which you have not set up. Set it up in Account → Two-step verification, then switch again.",
        };
      default:
        return { error: "That password is not right. Try again, or reset your password." };
    }
  }
  redirect(result.value.codeOwed ? `/switch-account/${parsed.data.accountId}` : "/settings/team");
}

/** The code step of a switch: a code from the app or a recovery code, then into the account. */
export async function proveAccountWithCodeAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  const account = accountIdSchema.safeParse(values);
  const parsed = mfaChallengeSchema.safeParse(values);
  if (!account.success) return { error: NOT_A_MEMBER };
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  const target = await switchTarget(account.data.accountId);
  if (!target) return { error: NOT_A_MEMBER };
  const result = await proveAccountWithCode(mfaContext(), {
    ...target,
    code: parsed.data.code,
    kind: parsed.data.kind,
    rememberDevice: isTicked(formData.get("remember")),
    userAgent: (await headers()).get("user-agent"),
  });
  if (!result.ok) {
    // The held password ran out (or was used): the page asks for it again and says why.
    if (result.error.code === "no_password_proof") redirect(`/switch-account/${account.data.accountId}?expired=1`);
    if (result.error.code === "not_a_member") return { error: NOT_A_MEMBER };
    return { error: mfaCodeErrorMessage(result.error) };
  }
  if (result.value.rememberedDeviceToken) await rememberThisDevice(result.value.rememberedDeviceToken);
  redirect("/settings/team");
}
