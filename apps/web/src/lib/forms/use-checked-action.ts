"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { initialActionState, type ActionState } from "./action-state";

/** Per-field checks: each takes the field's submitted text and returns a message or nothing. */
export type FieldChecks = Record<string, (value: string) => string | undefined>;

function run(checks: FieldChecks, formData: FormData): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [name, check] of Object.entries(checks)) {
    const value = formData.get(name);
    const message = check(typeof value === "string" ? value : "");
    if (message) errors[name] = message;
  }
  return errors;
}

/**
 * useValidatedAction without zod or react-hook-form, for pages whose first load must stay light
 * (/login): the same inline messages from small checks, and still a plain form post when
 * JavaScript is off (the server action validates on its own either way).
 */
export function useCheckedAction<S extends ActionState = ActionState>(checks: FieldChecks, action: (state: S, formData: FormData) => Promise<S>) {
  const [state, formAction, pending] = useActionState<S, FormData>(action, initialActionState as Awaited<S>);
  const [errors, setErrors] = useState<Record<string, string> | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // With the submitter, as a plain post sends it (a form's second button names its choice).
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    const found = run(checks, formData);
    setErrors(found);
    if (Object.keys(found).length === 0) startTransition(() => formAction(formData));
  };
  // Checked on submit first, then live (like reValidateMode "onChange"): checking on blur shifts the layout under a pending click.
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    if (errors !== null) setErrors(run(checks, new FormData(event.currentTarget)));
  };
  const errorOf = (name: string): string | undefined => errors?.[name] ?? state.fieldErrors?.[name];
  return { state, formAction, pending, onSubmit, onChange, errorOf };
}
