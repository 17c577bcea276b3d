"use client";

import { Alert, Button, Field } from "@gatehouse/ui";
import { useValidatedAction } from "@/lib/forms/use-validated-action";
import { resetPasswordSchema } from "@/lib/validators/auth";
import { chooseNewPassword } from "./actions";

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const { form, state, formAction, pending, onSubmit, errorOf } = useValidatedAction(resetPasswordSchema, chooseNewPassword);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <input type="hidden" value={token} {...form.register("token", { value: token })} />
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field
        label="New password"
        type="password"
        autoComplete="new-password"
        autoFocus
        hint="At least 10 characters."
        error={errorOf("password")}
        {...form.register("password")}
      />
      <Field label="Confirm new password" type="password" autoComplete="new-password" error={errorOf("confirm")} {...form.register("confirm")} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
