"use client";

import { useActionState } from "react";
import { Alert, Button, Field } from "@gatehouse/ui";
import { initialActionState } from "@/lib/forms/action-state";
import { proveAccountWithPasswordAction } from "./actions";

/** The password re-check; a plain form post, so it works without JavaScript too. */
export function ProveWithPasswordForm({ accountId, email }: { accountId: string; email: string }) {
  const [state, formAction, pending] = useActionState(proveAccountWithPasswordAction, initialActionState);
  return (
    <form action={formAction} className="space-y-3">
      <p className="text-sm text-slate-600">Or enter your password for {email}.</p>
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <input type="hidden" name="accountId" value={accountId} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" error={state.fieldErrors?.password} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Checking…" : "Continue with password"}
      </Button>
    </form>
  );
}
