"use client";

import { useActionState } from "react";
import { Alert, Button, Field } from "@gatehouse/ui";
import { initialActionState } from "@/lib/forms/action-state";
import { ResetTargets, type MemberChoice } from "@/app/_components/reset-targets";
import { useValidatedAction } from "@/lib/forms/use-validated-action";
import { supportDisableSsoSchema, supportResendInviteSchema, supportResetMfaSchema, suspendEnforcementSchema } from "@/lib/validators/support";
import {
  supportDisableSsoAction,
  supportResendInviteAction,
  supportResetMfaAction,
  supportSendPasswordResetsAction,
  supportSuspendEnforcementAction,
} from "../actions";

const REASON_HINT = "Shown to the customer in their audit log. Include the ticket number.";

function Outcome({ state }: { state: { error?: string; success?: string } }) {
  if (state.error) return <Alert tone="error">{state.error}</Alert>;
  if (state.success) return <Alert tone="success">{state.success}</Alert>;
  return null;
}

export function DisableSsoForm({ accountId, accountName }: { accountId: string; accountName: string }) {
  const { form, state, formAction, pending, onSubmit, errorOf } = useValidatedAction(supportDisableSsoSchema, supportDisableSsoAction);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Disable SSO">
      <Outcome state={state} />
      <input type="hidden" value={accountId} {...form.register("accountId")} />
      <p className="text-sm text-slate-700">
        Switches every connection off, sets the requirement back to any method, stops every domain enforcing SSO, and ends every session signed in through SSO.
      </p>
      <Field label="Reason" id="disable-reason" hint={REASON_HINT} defaultValue={state.values?.reason} error={errorOf("reason")} {...form.register("reason")} />
      <Field
        label={`Type ${accountName} to confirm`}
        id="disable-confirmation"
        autoComplete="off"
        error={errorOf("confirmation")}
        {...form.register("confirmation")}
      />
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? "Switching off…" : "Disable SSO"}
      </Button>
    </form>
  );
}

export function SuspendEnforcementForm({ accountId }: { accountId: string }) {
  const { form, state, formAction, pending, onSubmit, errorOf } = useValidatedAction(suspendEnforcementSchema, supportSuspendEnforcementAction);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Suspend enforcement">
      <Outcome state={state} />
      <input type="hidden" value={accountId} {...form.register("accountId")} />
      <p className="text-sm text-slate-700">
        Members may also sign in with a password until the time is up; then enforcement returns by itself. The account&apos;s admins are emailed both times.
      </p>
      <Field
        label="Hours (1–72)"
        id="suspend-hours"
        type="number"
        min={1}
        max={72}
        step={1}
        defaultValue={state.values?.hours ?? "4"}
        error={errorOf("hours")}
        {...form.register("hours")}
      />
      <Field label="Reason" id="suspend-reason" hint={REASON_HINT} defaultValue={state.values?.reason} error={errorOf("reason")} {...form.register("reason")} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Suspending…" : "Suspend enforcement"}
      </Button>
    </form>
  );
}

export function ResendInviteForm({ accountId, inviteId, email }: { accountId: string; inviteId: string; email: string }) {
  const { form, state, formAction, pending, onSubmit, errorOf } = useValidatedAction(supportResendInviteSchema, supportResendInviteAction);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-2" aria-label={`Resend invite to ${email}`}>
      <input type="hidden" value={accountId} {...form.register("accountId")} />
      <input type="hidden" value={inviteId} {...form.register("inviteId")} />
      <Field
        label="Reason"
        id={`resend-reason-${inviteId}`}
        className="min-w-64 flex-1"
        defaultValue={state.values?.reason}
        error={errorOf("reason")}
        {...form.register("reason")}
      />
      <Button type="submit" size="sm" variant="secondary" className="mt-6" disabled={pending}>
        {pending ? "Sending…" : "Resend invite"}
      </Button>
      <div className="basis-full">
        <Outcome state={state} />
      </div>
    </form>
  );
}

export function ResetMfaForm({ accountId, userId, email }: { accountId: string; userId: string; email: string }) {
  const { form, state, formAction, pending, onSubmit, errorOf } = useValidatedAction(supportResetMfaSchema, supportResetMfaAction);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-2" aria-label={`Reset MFA of ${email}`}>
      <input type="hidden" value={accountId} {...form.register("accountId")} />
      <input type="hidden" value={userId} {...form.register("userId")} />
      <Field
        label="Reason"
        id={`reset-mfa-reason-${userId}`}
        className="min-w-64 flex-1"
        hint={REASON_HINT}
        defaultValue={state.values?.reason}
        error={errorOf("reason")}
        {...form.register("reason")}
      />
      <Button type="submit" size="sm" variant="danger" className="mt-6" disabled={pending}>
        {pending ? "Resetting…" : "Reset MFA"}
      </Button>
      <div className="basis-full">
        <Outcome state={state} />
      </div>
    </form>
  );
}

/** All members or ticked ones; checkboxes post as repeated `userIds`, so this form is validated by its action. */
export function SendPasswordResetsForm({ accountId, members }: { accountId: string; members: MemberChoice[] }) {
  const [state, formAction, pending] = useActionState(supportSendPasswordResetsAction, initialActionState);
  return (
    <form action={formAction} className="space-y-3" aria-label="Send password resets">
      <Outcome state={state} />
      <input type="hidden" name="accountId" value={accountId} />
      <ResetTargets members={members} scope={state.values?.scope} error={state.fieldErrors?.userIds ?? state.fieldErrors?.scope} />
      <Field label="Reason" name="reason" id="resets-reason" hint={REASON_HINT} defaultValue={state.values?.reason} error={state.fieldErrors?.reason} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Sending…" : "Send password resets"}
      </Button>
    </form>
  );
}
