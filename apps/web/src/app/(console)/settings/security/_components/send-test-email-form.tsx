"use client";

import { useActionState, useEffect } from "react";
import { Button, Field } from "@gatehouse/ui";
import { initialActionState } from "@/lib/forms/action-state";
import { sendTestEmailAction } from "../test-actions";
import { SuccessNotice } from "@/app/(console)/_components/success-notice";

const INPUT_ID = "test-member-email";

/** The admin names a member; the server checks they are one and emails them a test sign-in link. */
export function SendTestEmailForm({ connectionId }: { connectionId: string }) {
  const [state, formAction, pending] = useActionState(sendTestEmailAction, initialActionState);
  // The reason is shown under the field: put the admin back there to correct it.
  useEffect(() => {
    if (state.error) document.getElementById(INPUT_ID)?.focus();
  }, [state]);
  return (
    // noValidate: the server's message ("… is not a member of …") is clearer than the browser's bubble.
    <form action={formAction} noValidate className="space-y-3">
      <input type="hidden" name="connectionId" value={connectionId} />
      {/* Top-aligned, the button stays beside the input when a message appears under it. */}
      <div className="flex flex-wrap items-start gap-3">
        <Field
          id={INPUT_ID}
          name="memberEmail"
          type="email"
          autoComplete="off"
          label="Member's email"
          className="w-80 max-w-full"
          defaultValue={state.values?.memberEmail ?? ""}
          error={state.error}
        />
        <Button type="submit" variant="secondary" disabled={pending} className="sm:mt-6">
          {pending ? "Sending…" : "Send test email"}
        </Button>
      </div>
      <div aria-live="polite">
        <SuccessNotice state={state} />
      </div>
    </form>
  );
}
