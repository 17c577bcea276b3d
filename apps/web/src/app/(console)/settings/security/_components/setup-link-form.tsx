"use client";

import { useActionState, useEffect } from "react";
import { Button, Checkbox, Field } from "@gatehouse/ui";
import { initialActionState } from "@/lib/forms/action-state";
import { createSetupLinkAction } from "../setup-link-actions";
import { SuccessNotice } from "@/app/(console)/_components/success-notice";

const INPUT_ID = "setup-link-email";

const OPTIONAL_SCOPES = [
  { value: "domains", label: "Domains", hint: "Add domains and verify them with a DNS TXT record. Removing them and enforcement stay with you." },
  { value: "scim", label: "SCIM", hint: "See the SCIM base URL and create or rotate its token. Roles, revoking and switching SCIM off stay with you." },
] as const;

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
      <fieldset className="space-y-2" key={`scope-${state.success ?? "form"}`}>
        <legend className="text-sm font-medium text-slate-800">What the link opens</legend>
        <Checkbox id="setup-link-scope-sso" label="Single sign-on" hint="Always: configure, test and authenticate connections." checked disabled readOnly />
        {OPTIONAL_SCOPES.map((scope) => (
          <Checkbox
            key={scope.value}
            id={`setup-link-scope-${scope.value}`}
            name="scope"
            value={scope.value}
            label={scope.label}
            hint={scope.hint}
            defaultChecked={state.values?.scope?.split(" ").includes(scope.value)}
          />
        ))}
      </fieldset>
      <div aria-live="polite">
        <SuccessNotice state={state} />
      </div>
    </form>
  );
}
