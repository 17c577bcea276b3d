"use client";

import { useActionState, type ReactNode } from "react";
import { Alert, Button, Field } from "@gatehouse/ui";
import { RecoveryCodes } from "@/app/_components/mfa/recovery-codes";
import { continueAfterEnrolmentAction, finishEnrolmentAction, type MfaStepState } from "../actions";

/** Enrolment at sign-in: the QR step (server-rendered, passed in), the first code, then the recovery codes. */
export function EnrolForm({ setup, hasEnrolled, callbackUrl }: { setup: ReactNode; hasEnrolled: boolean; callbackUrl: string }) {
  const [state, formAction, pending] = useActionState(finishEnrolmentAction, {} as MfaStepState);
  if (state.recoveryCodes) {
    return (
      <div className="space-y-4">
        <Alert tone="success">Your authenticator app is set up.</Alert>
        <RecoveryCodes codes={state.recoveryCodes} />
        <ContinueForm callbackUrl={callbackUrl} />
      </div>
    );
  }
  if (hasEnrolled) {
    // A reload after enrolment: the codes were shown once and are not shown again.
    return (
      <div className="space-y-4">
        <Alert tone="success">Your authenticator app is set up. You can make new recovery codes in your account settings.</Alert>
        <ContinueForm callbackUrl={callbackUrl} />
      </div>
    );
  }
  return (
    <form action={formAction} noValidate className="space-y-4">
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      {setup}
      <Field label="Code from your app" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={7} error={state.fieldErrors?.code} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Checking…" : "Turn on MFA"}
      </Button>
    </form>
  );
}

/** Opens the session once the codes are saved (also what a reload after enrolment shows). */
function ContinueForm({ callbackUrl }: { callbackUrl: string }) {
  return (
    <form action={continueAfterEnrolmentAction}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Button type="submit" className="w-full">
        I saved my recovery codes, continue
      </Button>
    </form>
  );
}
