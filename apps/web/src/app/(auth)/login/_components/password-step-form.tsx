"use client";

import Link from "next/link";
import { useEffect } from "react";
import { ChosenEmail } from "./chosen-email";
import { Alert, Button, Field } from "@gatehouse/ui";
import { useCheckedAction } from "@/lib/forms/use-checked-action";
import { checkEmail, checkPassword } from "@/lib/validators/auth-messages";
import { signInWithPassword, type PasswordStepState } from "../actions";

// Zod-free checks (the server action still parses with signInSchema): keeps /login's first load light.
const checks = { email: checkEmail, password: checkPassword };
const PASSWORD_ID = "field-password";

export function PasswordStepForm({ email, callbackUrl }: { email: string; callbackUrl: string }) {
  const { state, formAction, pending, onSubmit, onChange, errorOf } = useCheckedAction<PasswordStepState>(checks, signInWithPassword);
  const resetHref = `/forgot-password?${new URLSearchParams({ email }).toString()}`;
  // A refused password is cleared and focused for the next try; the email stays chosen.
  useEffect(() => {
    const password = document.getElementById(PASSWORD_ID);
    if (!state.error || !(password instanceof HTMLInputElement)) return;
    password.value = "";
    password.focus();
  }, [state]);
  return (
    <form action={formAction} onSubmit={onSubmit} onChange={onChange} noValidate className="space-y-4">
      {state.error ? <Alert tone="error">{withResetLink(state.error, resetHref)}</Alert> : null}
      {state.ssoRequired?.map((account) => (
        <a
          key={account.slug}
          href={`/api/auth/sso/${account.slug}/login?${new URLSearchParams({ login_hint: email, ...(callbackUrl ? { callbackUrl } : {}) }).toString()}`}
          className="flex w-full items-center justify-center rounded-md bg-indigo-600 px-3.5 py-2.5 text-sm font-semibold text-white hover:bg-indigo-500"
        >
          Sign in to {account.name} with SSO
        </a>
      ))}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <input type="hidden" name="email" value={email} />
      <ChosenEmail email={email} callbackUrl={callbackUrl} />
      <Field id={PASSWORD_ID} label="Password" name="password" type="password" autoComplete="current-password" autoFocus error={errorOf("password")} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <p className="text-center text-sm">
        <Link href={resetHref} className="font-medium text-indigo-700 hover:underline">
          Forgot your password?
        </Link>
      </p>
    </form>
  );
}

/** The refusal's "reset your password" as a link to the reset page for this email. */
function withResetLink(message: string, href: string) {
  const at = message.indexOf("reset your password");
  if (at < 0) return message;
  return (
    <>
      {message.slice(0, at)}
      <Link href={href} className="font-medium underline">
        reset your password
      </Link>
      {message.slice(at + "reset your password".length)}
    </>
  );
}
