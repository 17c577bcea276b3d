"use client";

import Link from "next/link";
import { ChosenEmail } from "./chosen-email";
import { Alert, Button, Field } from "@gatehouse/ui";
import { useValidatedAction } from "@/lib/forms/use-validated-action";
import { signInSchema } from "@/lib/validators/auth";
import { signInWithPassword } from "../actions";

export function PasswordStepForm({ email, callbackUrl }: { email: string; callbackUrl: string }) {
  const { form, state, formAction, pending, onSubmit, errorOf } = useValidatedAction(signInSchema, signInWithPassword);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <input type="hidden" value={email} {...form.register("email", { value: email })} />
      <ChosenEmail email={email} callbackUrl={callbackUrl} />
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
