"use client";

import { useActionState } from "react";
import { Alert, Button, Field } from "@gatehouse/ui";
import { initialActionState } from "@/lib/forms/action-state";
import { setPasswordAction } from "../actions";
import { SuccessNotice } from "@/app/(console)/_components/success-notice";

/** Set a first password (provider-only users) or change the current one. */
export function PasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const [state, formAction, pending] = useActionState(setPasswordAction, initialActionState);
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-3" noValidate>
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <SuccessNotice state={state} />
      {hasPassword ? <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" error={e.currentPassword} /> : null}
      <Field label="New password" name="newPassword" type="password" autoComplete="new-password" error={e.newPassword} />
      <Field label="Repeat the new password" name="confirm" type="password" autoComplete="new-password" error={e.confirm} />
      <Button type="submit" disabled={pending}>
        {hasPassword ? "Change password" : "Set password"}
      </Button>
    </form>
  );
}
