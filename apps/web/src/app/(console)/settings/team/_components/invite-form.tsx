"use client";

import { useEffect } from "react";
import { Alert, Button, Field, Select } from "@gatehouse/ui";
import { ROLE_LABELS } from "@gatehouse/core/limits";
import { useValidatedAction } from "@/lib/forms/use-validated-action";
import { inviteSchema } from "@/lib/validators/team";
import { inviteMemberAction } from "../actions";
import { SuccessNotice } from "@/app/(console)/_components/success-notice";

export function InviteForm() {
  const { form, state, formAction, pending, onSubmit, errorOf } = useValidatedAction(inviteSchema, inviteMemberAction);
  // Sent: the field is ready for the next person (a refusal keeps what was typed, via state.values).
  useEffect(() => {
    if (state.success) form.setValue("email", "");
  }, [state, form]);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-3">
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <SuccessNotice state={state} />
      <div className="flex flex-wrap items-start gap-3">
        <Field
          label="Email"
          type="email"
          className="min-w-64 flex-1"
          placeholder="name@company.com"
          defaultValue={state.values?.email}
          error={errorOf("email")}
          {...form.register("email")}
        />
        <Select
          label="Role"
          defaultValue={state.values?.role ?? "member"}
          options={(["member", "admin"] as const).map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
          error={errorOf("role")}
          {...form.register("role")}
        />
        <Button type="submit" className="mt-6" disabled={pending}>
          {pending ? "Sending…" : "Send invite"}
        </Button>
      </div>
    </form>
  );
}
