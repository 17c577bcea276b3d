"use client";

import { useActionState } from "react";
import { Alert, Button, Field } from "@gatehouse/ui";
import { initialActionState } from "@/lib/forms/action-state";
import { createWorkspaceAction } from "./actions";

export function WorkspaceForm() {
  const [state, formAction, pending] = useActionState(createWorkspaceAction, initialActionState);
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-3" noValidate>
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <Field label="Workspace name" name="name" defaultValue={state.values?.name ?? ""} error={e.name} hint="Your company or team, e.g. Acme." />
      <Field
        label="Workspace address"
        name="slug"
        defaultValue={state.values?.slug ?? ""}
        error={e.slug}
        hint="Lowercase letters, digits and hyphens; used in your SSO link."
      />
      <Button type="submit" disabled={pending} className="w-full">
        Create workspace
      </Button>
    </form>
  );
}
