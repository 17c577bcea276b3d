"use client";

import { useActionState } from "react";
import { Alert, Button, Field } from "@gatehouse/ui";
import { initialActionState } from "@/lib/forms/action-state";
import { signUpAction } from "../actions";

/** Email + password sign-up; a plain form post, so it works without JavaScript. */
export function SignUpForm() {
  const [state, formAction, pending] = useActionState(signUpAction, initialActionState);
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-3" noValidate>
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <Field label="Your name" name="name" autoComplete="name" defaultValue={state.values?.name ?? ""} error={e.name} />
      <Field label="Email" name="email" type="email" autoComplete="email" defaultValue={state.values?.email ?? ""} error={e.email} />
      <Field label="Password" name="password" type="password" autoComplete="new-password" error={e.password} />
      <Button type="submit" disabled={pending} className="w-full">
        Sign up
      </Button>
    </form>
  );
}
