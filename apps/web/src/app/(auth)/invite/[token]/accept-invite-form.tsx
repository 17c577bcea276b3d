"use client";

import Link from "next/link";
import { Alert, Button, Field } from "@gatehouse/ui";
import { useValidatedAction } from "@/lib/forms/use-validated-action";
import { acceptInviteSchema } from "@/lib/validators/auth";
import { acceptInviteAction } from "./actions";

export function AcceptInviteForm({ token, email, needsExistingPassword }: { token: string; email: string; needsExistingPassword: boolean }) {
  const { form, state, formAction, pending, onSubmit, errorOf } = useValidatedAction(acceptInviteSchema, acceptInviteAction);
  if (state.success) {
    return (
      <Alert tone="success">
        {state.success}{" "}
        <Link href="/login" className="font-medium underline">
          Sign in
        </Link>
      </Alert>
    );
  }
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <input type="hidden" value={token} {...form.register("token", { value: token })} />
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      {needsExistingPassword ? (
        <Field
          label="Your password"
          type="password"
          autoComplete="current-password"
          autoFocus
          hint="You already have a Gatehouse account: confirm it is you."
          error={errorOf("password")}
          {...form.register("password")}
        />
      ) : (
        <>
          <Field label="Your name" autoComplete="name" autoFocus defaultValue={state.values?.name} error={errorOf("name")} {...form.register("name")} />
          <Field
            label="Choose a password"
            type="password"
            autoComplete="new-password"
            hint="At least 10 characters."
            error={errorOf("password")}
            {...form.register("password")}
          />
        </>
      )}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Joining…" : "Accept invite"}
      </Button>
    </form>
  );
}
