"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Alert, Button, Field } from "@gatehouse/ui";
import { ResetTargets, type MemberChoice } from "@/app/_components/reset-targets";
import { initialActionState } from "@/lib/forms/action-state";
import { useValidatedAction } from "@/lib/forms/use-validated-action";
import { confirmDisableSsoSchema } from "@/lib/validators/support";
import { disableSsoAction, sendPasswordResetsAction } from "../disable-sso-actions";
import { SuccessNotice } from "@/app/(console)/_components/success-notice";

export function ConfirmDisableSsoForm({ accountName }: { accountName: string }) {
  const { form, state, formAction, pending, onSubmit, errorOf } = useValidatedAction(confirmDisableSsoSchema, disableSsoAction);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <Field
        label={`Type ${accountName} to confirm`}
        id="disable-sso-confirmation"
        autoComplete="off"
        error={errorOf("confirmation")}
        {...form.register("confirmation")}
      />
      <div className="flex items-center gap-3">
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Switching SSO off…" : "Disable SSO"}
        </Button>
        <Link href="/settings/security" className="text-sm text-slate-600 hover:underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}

export function PasswordResetsForm({ members }: { members: MemberChoice[] }) {
  const [state, formAction, pending] = useActionState(sendPasswordResetsAction, initialActionState);
  return (
    <form action={formAction} className="space-y-4">
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <SuccessNotice state={state} />
      <ResetTargets members={members} scope={state.values?.scope} error={state.fieldErrors?.userIds ?? state.fieldErrors?.scope} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send reset emails"}
        </Button>
        <Link href="/settings/security" className="text-sm text-slate-600 hover:underline">
          Back to Security
        </Link>
      </div>
    </form>
  );
}
