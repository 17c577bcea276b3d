"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/auth/config";
import { emailStepSchema, signInSchema } from "@/lib/validators/auth";
import { fieldErrorsOf, formValues, type ActionState } from "@/lib/forms/action-state";
import { safeCallbackUrl } from "@/lib/safe-callback-url";

/** Step one: the email. Later issues route SSO domains from here; today everyone gets a password step. */
export async function continueWithEmail(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  const parsed = emailStepSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const params = new URLSearchParams({ email: parsed.data.email });
  const callbackUrl = safeCallbackUrl(values.callbackUrl, "");
  if (callbackUrl) params.set("callbackUrl", callbackUrl);
  redirect(`/login?${params.toString()}`);
}

/** Step two: the password, checked by next-auth's Credentials provider. */
export async function signInWithPassword(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  const parsed = signInSchema.safeParse(values);
  const keep = { email: values.email ?? "", callbackUrl: values.callbackUrl ?? "" };
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values: keep };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeCallbackUrl(values.callbackUrl) });
  } catch (error) {
    if (error instanceof AuthError) return { error: signInErrorMessage(error), values: keep };
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
