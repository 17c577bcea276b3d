"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Alert, Button, Field } from "@gatehouse/ui";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";

/**
 * The second step of a password sign-in (and of switching accounts by password): the code from
 * the app, or (kind "recovery") one of the recovery codes. `hidden` carries where the step leads.
 */
export function CodeForm({
  action,
  hidden,
  kind,
  switchHref,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  hidden: Record<string, string>;
  kind: "totp" | "recovery";
  switchHref: string;
}) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const isTotp = kind === "totp";
  return (
    <form action={formAction} noValidate className="space-y-4">
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <input type="hidden" name="kind" value={kind} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {isTotp ? (
        <Field
          label="Authentication code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          autoFocus
          maxLength={7}
          hint="The 6-digit code your authenticator app shows now."
          error={state.fieldErrors?.code}
        />
      ) : (
        <Field
          label="Recovery code"
          name="code"
          autoComplete="off"
          autoFocus
          spellCheck={false}
          hint="Each recovery code works once."
          error={state.fieldErrors?.code}
        />
      )}
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="remember" className="h-4 w-4 rounded border-slate-300" />
        Remember this device for 30 days
      </label>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Checking…" : "Verify"}
      </Button>
      <p className="text-center text-sm">
        <Link href={switchHref} className="font-medium text-indigo-700 hover:underline">
          {isTotp ? "Use a recovery code instead" : "Use your authenticator app instead"}
        </Link>
      </p>
    </form>
  );
}
