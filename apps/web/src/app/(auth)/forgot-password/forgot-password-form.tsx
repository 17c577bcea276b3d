"use client";

import { Alert, Button, Field } from "@gatehouse/ui";
import { useValidatedAction } from "@/lib/forms/use-validated-action";
import { forgotPasswordSchema } from "@/lib/validators/auth";
import { sendResetLink } from "./actions";

export function ForgotPasswordForm({ defaultEmail }: { defaultEmail: string }) {
  const { form, state, formAction, pending, onSubmit, errorOf } = useValidatedAction(forgotPasswordSchema, sendResetLink);
  if (state.success) return <Alert tone="success">{state.success}</Alert>;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <Field
        label="Email"
        type="email"
        autoComplete="username"
        autoFocus
        defaultValue={state.values?.email ?? defaultEmail}
        error={errorOf("email")}
        {...form.register("email")}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Sending…" : "Send reset link"}
      </Button>
    </form>
  );
}
