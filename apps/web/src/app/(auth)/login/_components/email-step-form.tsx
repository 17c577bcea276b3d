"use client";

import { Button, Field } from "@gatehouse/ui";
import { useCheckedAction } from "@/lib/forms/use-checked-action";
import { checkEmail } from "@/lib/validators/auth-messages";
import { continueWithEmail } from "../actions";

// Zod-free checks (the server action still parses with emailStepSchema): keeps /login's first load light.
const checks = { email: checkEmail };

export function EmailStepForm({ callbackUrl, defaultEmail }: { callbackUrl: string; defaultEmail: string }) {
  const { state, formAction, pending, onSubmit, onChange, errorOf } = useCheckedAction(checks, continueWithEmail);
  return (
    <form action={formAction} onSubmit={onSubmit} onChange={onChange} noValidate className="space-y-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        autoFocus
        defaultValue={state.values?.email ?? defaultEmail}
        error={errorOf("email")}
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
