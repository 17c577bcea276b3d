"use client";

import { useActionState, useId, type ReactNode } from "react";
import { Alert, Button, Field } from "@gatehouse/ui";
import { RecoveryCodes } from "@/app/_components/mfa/recovery-codes";
import type { MfaSettingsState } from "../actions";

type Props = {
  action: (state: MfaSettingsState, formData: FormData) => Promise<MfaSettingsState>;
  /** Shown above the code field (the QR step, or what the action does). */
  intro?: ReactNode;
  codeLabel: string;
  submitLabel: string;
  variant?: "primary" | "secondary" | "danger";
  /** False hides the form but keeps the component, so a no-JS post still shows its result here. */
  showForm?: boolean;
};

/** A form that takes one code from the app; shows the recovery codes its action returns, once. */
export function CodeActionForm({ action, intro, codeLabel, submitLabel, variant = "primary", showForm = true }: Props) {
  const [state, formAction, pending] = useActionState(action, {} as MfaSettingsState);
  // Several of these forms share a page; each code field needs its own id for its label.
  const fieldId = useId();
  if (state.recoveryCodes) {
    return (
      <div className="space-y-3">
        {state.success ? <Alert tone="success">{state.success}</Alert> : null}
        <RecoveryCodes codes={state.recoveryCodes} />
      </div>
    );
  }
  if (!showForm) return null;
  return (
    <form action={formAction} noValidate className="space-y-3">
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      {intro}
      <Field
        id={fieldId}
        label={codeLabel}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        className="max-w-xs"
        error={state.fieldErrors?.code}
      />
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? "Checking…" : submitLabel}
      </Button>
    </form>
  );
}
