"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/auth/config";
import { ssoRequiredFromCode, type SsoRequiredRefusal } from "@/auth/sso-required";
import { emailStepSchema, signInSchema } from "@/lib/validators/auth";
import { fieldErrorsOf, formValues, type ActionState } from "@/lib/forms/action-state";
import { safeCallbackUrl } from "@/lib/safe-callback-url";
import { routeTypedEmail } from "@/server/email-routing";
import { forgetLastSsoChoice } from "@/server/last-sso-choice";

/**
 * Step one: the email. Its domain alone decides the next step (the IdP, a choice of IdPs, or the
 * password); no user is looked up, so the answer is the same for everyone on that domain.
 */
export async function continueWithEmail(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  const parsed = emailStepSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  redirect(await routeTypedEmail(parsed.data.email, safeCallbackUrl(values.callbackUrl, ""), { passwordInstead: values.method === "password" }));
}

/** "Use another account": the remembered SSO choice is forgotten and the email step shows. */
export async function useAnotherAccount(formData: FormData): Promise<void> {
  await forgetLastSsoChoice();
  const callbackUrl = safeCallbackUrl(formData.get("callbackUrl"), "");
  redirect(`/login${callbackUrl ? `?${new URLSearchParams({ callbackUrl }).toString()}` : ""}`);
}

/** The password step's answer: when the accounts require SSO, which accounts' SSO to offer. */
export type PasswordStepState = ActionState & { ssoRequired?: SsoRequiredRefusal["accounts"] };

/** Step two: the password, checked by next-auth's Credentials provider. */
export async function signInWithPassword(_state: PasswordStepState, formData: FormData): Promise<PasswordStepState> {
  const values = formValues(formData);
  const parsed = signInSchema.safeParse(values);
  const keep = { email: values.email ?? "", callbackUrl: values.callbackUrl ?? "" };
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values: keep };
  try {
    // Through /login/mfa: it asks for the second step when one is due, else passes straight on.
    await signIn("credentials", {
      ...parsed.data,
      redirectTo: `/login/mfa?${new URLSearchParams({ callbackUrl: safeCallbackUrl(values.callbackUrl) }).toString()}`,
    });
  } catch (error) {
    if (error instanceof AuthError) {
      const refusal = ssoRequiredFromCode((error as AuthError & { code?: string }).code ?? "");
      if (refusal) return { error: refusal.message, ssoRequired: refusal.accounts, values: keep };
      return { error: signInErrorMessage(error), values: keep };
    }
    throw error; // the redirect after a successful sign-in
  }
  return {};
}

function signInErrorMessage(error: AuthError): string {
  const code = (error as AuthError & { code?: string }).code ?? "";
  const minutes = /^rate_limited:(\d+)$/.exec(code)?.[1];
  if (minutes) {
    return `Too many sign-in attempts. Try again in ${minutes} minute${minutes === "1" ? "" : "s"}, or reset your password.`;
  }
  return "That email and password don't match. Check them and try again, or reset your password.";
}
