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
      {/* Never trapped at an IdP: someone with a password here skips the domain's SSO. */}
      <p className="text-center text-sm">
        <button type="submit" name="method" value="password" disabled={pending} className="font-medium text-indigo-700 hover:underline">
          Use my password instead
        </button>
      </p>
    </form>
  );
}
