"use client";

import { useActionState } from "react";
import { Alert, Button, Field, Select } from "@gatehouse/ui";
import { CopyButton } from "../../security/_components/copy-button";
import { createApiKeyAction } from "../actions";
import type { IssuedKeyState } from "../_lib/issued-state";

/** Create a key (account key or personal token); the new key is shown once, here. */
export function CreateKeyForm({ kind, submitLabel }: { kind: "account" | "personal"; submitLabel: string }) {
  const [state, formAction, pending] = useActionState<IssuedKeyState, FormData>(createApiKeyAction, {});
  const id = (name: string) => `${kind}-${name}`;
  return (
    <div className="space-y-4 px-5 py-4">
      <div aria-live="polite">
        {state.error ? <Alert tone="error">{state.error}</Alert> : null}
        {state.issued ? (
          <div className="space-y-2 rounded-md bg-amber-50 p-4 ring-1 ring-amber-300" data-testid={`${kind}-key-reveal`}>
            <p className="text-sm font-semibold text-amber-900">Copy “{state.issued.name}” now: you won’t see it again.</p>
            <p className="text-sm text-amber-900">We store only a hash of it. Send it as the X-Api-Key header. If you lose it, revoke it and create another.</p>
            <div className="flex items-center gap-2">
              <code
                className="block min-w-0 flex-1 select-all break-all rounded bg-white px-2 py-1.5 font-mono text-xs ring-1 ring-slate-200"
                data-testid={`${kind}-key-token`}
              >
                {state.issued.token}
              </code>
              <CopyButton value={state.issued.token} label="API key" />
            </div>
          </div>
        ) : null}
      </div>
      <form action={formAction} className="grid gap-4 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end">
        <input type="hidden" name="kind" value={kind} />
        <Field
          id={id("name")}
          label="Name"
          name="name"
          required
          maxLength={100}
          placeholder="CI deploy"
          defaultValue={state.values?.name}
          error={state.fieldErrors?.name}
        />
        <Select
          id={id("scope")}
          label="Scope"
          name="scope"
          defaultValue={state.values?.scope ?? "read"}
          options={[
            { value: "read", label: "Read only" },
            { value: "write", label: "Read and write" },
          ]}
        />
        <Field
          id={id("expiresOn")}
          label="Expires (optional)"
          name="expiresOn"
          type="date"
          defaultValue={state.values?.expiresOn}
          error={state.fieldErrors?.expiresOn}
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : submitLabel}
        </Button>
      </form>
    </div>
  );
}
