"use client";

import Link from "next/link";
import { Alert, Button, Field } from "@gatehouse/ui";
import { useValidatedAction } from "@/lib/forms/use-validated-action";
import { signInSchema } from "@/lib/validators/auth";
import { signInWithPassword } from "../actions";

export function PasswordStepForm({ email, callbackUrl }: { email: string; callbackUrl: string }) {
  const { form, state, formAction, pending, onSubmit, errorOf } = useValidatedAction(signInSchema, signInWithPassword);
  const changeHref = `/login?${new URLSearchParams(callbackUrl ? { callbackUrl } : {}).toString()}`;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <input type="hidden" value={email} {...form.register("email", { value: email })} />
      <div className="flex items-center justify-between rounded-md bg-slate-50 px-3 py-2 text-sm">
        <span className="truncate text-slate-800" data-testid="login-email">{email}</span>
        <Link href={changeHref} className="font-medium text-indigo-700 hover:underline">
          Change
        </Link>
      </div>
      <Field label="Password" type="password" autoComplete="current-password" autoFocus error={errorOf("password")} {...form.register("password")} />
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
