"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { useForm, type FieldValues, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { initialActionState, type ActionState } from "./action-state";

/**
 * A form that validates inline with the same zod schema the server action uses, and still works
 * as a plain form post when JavaScript is off (the action then validates on its own).
 */
export function useValidatedAction<Schema extends z.ZodType<FieldValues, FieldValues>>(
  schema: Schema,
  action: (state: ActionState, formData: FormData) => Promise<ActionState>,
) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const form = useForm<z.input<Schema>>({
    resolver: zodResolver(schema as never) as unknown as Resolver<z.input<Schema>>,
    // Validate on submit first, then live: validating on blur shifts the layout under a pending click.
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // With the submitter, as a plain post sends it (a form's second button names its choice).
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    void form.handleSubmit(() => startTransition(() => formAction(formData)))();
  };
  const errorOf = (name: string): string | undefined =>
    (form.formState.errors as Record<string, { message?: string } | undefined>)[name]?.message ?? state.fieldErrors?.[name];
  return { form, state, formAction, pending, onSubmit, errorOf };
}
