"use client";

import Link from "next/link";
import { ChosenEmail } from "./chosen-email";
import { Alert, Button, Field } from "@gatehouse/ui";
import { useCheckedAction } from "@/lib/forms/use-checked-action";
import { checkEmail, checkPassword } from "@/lib/validators/auth-messages";
import { signInWithPassword, type PasswordStepState } from "../actions";

// Zod-free checks (the server action still parses with signInSchema): keeps /login's first load light.
const checks = { email: checkEmail, password: checkPassword };

export function PasswordStepForm({ email, callbackUrl }: { email: string; callbackUrl: string }) {
  const { state, formAction, pending, onSubmit, onChange, errorOf } = useCheckedAction<PasswordStepState>(checks, signInWithPassword);
  return (
    <form action={formAction} onSubmit={onSubmit} onChange={onChange} noValidate className="space-y-4">
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
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
      <Field label="Password" name="password" type="password" autoComplete="current-password" autoFocus error={errorOf("password")} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <p className="text-center text-sm">
        <Link href={`/forgot-password?${new URLSearchParams({ email }).toString()}`} className="font-medium text-indigo-700 hover:underline">
          Forgot your password?
        </Link>
      </p>
    </form>
  );
}
