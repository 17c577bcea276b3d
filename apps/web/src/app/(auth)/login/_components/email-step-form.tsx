"use client";

import { Button, Field } from "@gatehouse/ui";
import { useValidatedAction } from "@/lib/forms/use-validated-action";
import { emailStepSchema } from "@/lib/validators/auth";
import { continueWithEmail } from "../actions";

export function EmailStepForm({ callbackUrl, defaultEmail }: { callbackUrl: string; defaultEmail: string }) {
  const { form, state, formAction, pending, onSubmit, errorOf } = useValidatedAction(emailStepSchema, continueWithEmail);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
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
        {pending ? "Checking…" : "Continue"}
      </Button>
    </form>
  );
}
