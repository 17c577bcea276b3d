"use client";

import { useActionState, useEffect } from "react";
import { Button, Field } from "@gatehouse/ui";
import { initialActionState } from "@/lib/forms/action-state";
import { createSetupLinkAction } from "../setup-link-actions";
import { SuccessNotice } from "@/app/(console)/_components/success-notice";

const INPUT_ID = "setup-link-email";

/** The admin names the person with access to the identity provider; the server emails them the link. */
export function SetupLinkForm() {
  const [state, formAction, pending] = useActionState(createSetupLinkAction, initialActionState);
  useEffect(() => {
    if (state.error) document.getElementById(INPUT_ID)?.focus();
  }, [state]);
  return (
    <form action={formAction} noValidate className="space-y-3">
      <div className="flex flex-wrap items-start gap-3">
        <Field
          id={INPUT_ID}
          name="setupEmail"
          type="email"
          autoComplete="off"
          label="Their email"
          className="w-80 max-w-full"
          defaultValue={state.success ? "" : (state.values?.setupEmail ?? "")}
          key={state.success ?? "form"}
          error={state.error}
        />
        <Button type="submit" variant="secondary" disabled={pending} className="sm:mt-6">
          {pending ? "Sending…" : "Send setup link"}
        </Button>
      </div>
      <div aria-live="polite">
        <SuccessNotice state={state} />
      </div>
    </form>
  );
}
