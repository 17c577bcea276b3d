"use client";

import { Alert, Button, Card, CardHeader, Field } from "@gatehouse/ui";
import { connectionDisplaySchema } from "@gatehouse/sso/input";
import { useValidatedAction } from "@/lib/forms/use-validated-action";
import { SuccessNotice } from "@/app/(console)/_components/success-notice";
import { saveDisplayAction } from "../display-actions";

/** The connection's name and sign-in button text, saved on their own (the IdP settings are untouched). */
export function DisplayForm({ connection }: { connection: { id: string; name: string; buttonText: string } }) {
  const { form, state, formAction, pending, onSubmit, errorOf } = useValidatedAction(connectionDisplaySchema, saveDisplayAction);
  const initial = (name: "name" | "buttonText") => state.values?.[name] ?? connection[name];
  return (
    <Card>
      <CardHeader title="Name and button" description="How admins find this connection, and what members read on its sign-in button." />
      <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4 px-5 py-4">
        <input type="hidden" name="connectionId" value={connection.id} />
        <Field label="Connection name" defaultValue={initial("name")} error={errorOf("name")} {...form.register("name")} />
        <Field
          label="Sign-in button text"
          hint="What members see on the sign-in page."
          defaultValue={initial("buttonText")}
          error={errorOf("buttonText")}
          {...form.register("buttonText")}
        />
        {state.error ? <Alert tone="error">{state.error}</Alert> : null}
        <SuccessNotice state={state} />
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save name and button"}
        </Button>
      </form>
    </Card>
  );
}
