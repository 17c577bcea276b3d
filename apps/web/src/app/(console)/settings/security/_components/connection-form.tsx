"use client";

import { useEffect, useState } from "react";
import { get, type FieldError, type FieldValues, type UseFormRegister, type UseFormSetValue } from "react-hook-form";
import { Alert, Button, Card, CardHeader, fieldId } from "@gatehouse/ui";
import { connectionInputSchema } from "@gatehouse/sso/input";
import { useValidatedAction } from "@/lib/forms/use-validated-action";
import { saveConnectionAction } from "../actions";
import type { ConnectionFormMeta } from "../_lib/form-defaults";
import { useHydrated } from "../_lib/use-hydrated";
import type { FormKit } from "./form-kit";
import { OidcFields } from "./oidc-fields";
import { PasteSection, type SsoUrls } from "./paste-section";
import { SAML_CHECKLIST, SamlFields } from "./saml-fields";
import { AttributeMappingFields, SettingsFields } from "./settings-fields";
import { SuccessNotice } from "@/app/(console)/_components/success-notice";

/**
 * The Configure SSO form, for a new connection and for editing one. It posts plain form fields
 * (so it works without JavaScript); with JavaScript it validates inline with the same schema
 * saveConnection uses. Server field errors are shown by key next to their field.
 */
export function ConnectionForm({
  meta,
  defaults,
  urls,
  displayElsewhere = false,
}: {
  meta: ConnectionFormMeta;
  defaults: Record<string, string>;
  urls: SsoUrls;
  /** The name and button text have their own form (the connection page's Display tab). */
  displayElsewhere?: boolean;
}) {
  const { form, state, formAction, pending, onSubmit } = useValidatedAction(connectionInputSchema, saveConnectionAction);
  const hydrated = useHydrated();
  const isEdit = meta.connectionId !== null;
  // An existing SAML connection was set up with the checklist already: show it ticked.
  const [checklist, setChecklist] = useState<Record<string, boolean>>(() => Object.fromEntries(SAML_CHECKLIST.map((item) => [item.id, isEdit])));
  const register = form.register as unknown as UseFormRegister<FieldValues>;
  const setValue = form.setValue as unknown as UseFormSetValue<FieldValues>;

  // A saved secret must not linger in the page after a successful save.
  useEffect(() => {
    if (state.success && meta.protocol === "oidc") setValue("clientSecret", "");
  }, [state, setValue, meta.protocol]);

  // Server errors arrive after the click, far from the field: take the admin to the first one.
  useEffect(() => {
    const first = Object.keys(state.fieldErrors ?? {})[0];
    if (first) document.getElementById(fieldId(first))?.focus();
  }, [state]);

  const errorOf = (name: string) => (get(form.formState.errors, name) as FieldError | undefined)?.message ?? state.fieldErrors?.[name];
  const initial = (name: string) => (state.values ? (state.values[name] ?? "") : (defaults[name] ?? ""));
  const kit: FormKit = {
    register,
    setValue,
    errorOf,
    initial,
    field: (name) => ({ id: fieldId(name), defaultValue: initial(name), error: errorOf(name), ...register(name) }),
    initialChecked: (name) => (state.values ? state.values[name] === "on" : defaults[name] === "on"),
    hydrated,
  };

  const providerTitle = `Values from ${meta.provider === "oidc" || meta.provider === "saml" ? "your identity provider" : meta.providerLabel}`;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-6" data-testid="connection-form">
      <input type="hidden" {...register("provider", { value: meta.provider })} value={meta.provider} />
      {meta.connectionId ? <input type="hidden" name="connectionId" value={meta.connectionId} /> : null}

      <PasteSection provider={meta.provider} providerLabel={meta.providerLabel} protocol={meta.protocol} urls={urls} />

      <Card>
        <CardHeader
          title={providerTitle}
          description={meta.protocol === "saml" ? "How we recognise your IdP's responses." : "The application you created in your IdP."}
        />
        <div className="px-5 py-4">
          {meta.protocol === "saml" ? (
            <SamlFields
              kit={kit}
              checked={checklist}
              onCheckedChange={(id, value) => setChecklist((c) => ({ ...c, [id]: value }))}
              savedCertificateCount={meta.savedCertificateCount}
            />
          ) : meta.provider !== "saml" ? (
            <OidcFields kit={kit} provider={meta.provider} clientSecretMask={meta.clientSecretMask} />
          ) : null}
        </div>
      </Card>

      <Card>
        <CardHeader title="Settings for this connection" description="How it appears to members and whom it lets in." />
        <div className="px-5 py-4">
          <SettingsFields kit={kit} displayElsewhere={displayElsewhere} />
        </div>
      </Card>

      <AttributeMappingFields kit={kit} />

      <div className="space-y-3" aria-live="polite">
        {state.error ? <Alert tone="error">{state.error}</Alert> : null}
        <SuccessNotice state={state} />
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save connection"}
        </Button>
        {isEdit ? <span className="text-sm text-slate-600">Changing how we reach the IdP means running Authenticate again.</span> : null}
      </div>
    </form>
  );
}
