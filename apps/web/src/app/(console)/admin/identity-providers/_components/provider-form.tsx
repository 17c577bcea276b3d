"use client";

import { useActionState, type ReactNode } from "react";
import { Alert, Button, Field, Select } from "@gatehouse/ui";
import { initialActionState } from "@/lib/forms/action-state";
import { saveProviderAction } from "../actions";

export type ProviderFormValues = Record<string, string>;

const MAPPING_FIELDS = ["username", "email", "name", "picture", "website", "company", "locale"] as const;

/** Add or edit a login provider: a plain form post, so it also works without JavaScript. */
export function ProviderForm({ initial, secretMask }: { initial: ProviderFormValues; secretMask: string | null }) {
  const [state, formAction, pending] = useActionState(saveProviderAction, initialActionState);
  const v = { ...initial, ...state.values };
  const e = state.fieldErrors ?? {};
  const text = (name: string, label: string, hint?: ReactNode) => (
    <Field key={`${name}-${v[name] ?? ""}`} label={label} name={name} defaultValue={v[name] ?? ""} error={e[name]} hint={hint} />
  );
  return (
    <form action={formAction} className="space-y-5" noValidate>
      {v.providerId ? <input type="hidden" name="providerId" value={v.providerId} /> : null}
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {text("name", "Name", "Shown to users, e.g. Google.")}
        {text("identifier", "Identifier", "Lowercase, used in URLs (the callback URL too).")}
      </div>
      {text("description", "Description (staff only)")}
      {text(
        "issuer",
        "Domain or issuer",
        "accounts.google.com · login.microsoftonline.com/{tenant}/v2.0 · your-tenant.us.auth0.com · your-org.okta.com · auth.pingone.com/{env}/as",
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        {text("clientId", "Client ID")}
        <Field
          label="Client secret"
          name="clientSecret"
          type="password"
          autoComplete="off"
          error={e.clientSecret}
          hint={secretMask ? `Stored: ${secretMask}. Leave blank to keep it.` : "Stored encrypted; never shown again."}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Select
          label="Token endpoint auth method"
          name="tokenEndpointAuthMethod"
          defaultValue={v.tokenEndpointAuthMethod ?? "client_secret_post"}
          error={e.tokenEndpointAuthMethod}
          options={[
            { value: "client_secret_post", label: "client_secret_post" },
            { value: "client_secret_basic", label: "client_secret_basic" },
            { value: "none", label: "none (public client, PKCE)" },
          ]}
          hint="PKCE is always used."
        />
        {text("scopes", "Scopes")}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Select
          label="Provisioning"
          name="provisioningMode"
          defaultValue={v.provisioningMode ?? "auto_provision"}
          options={[
            { value: "auto_provision", label: "Auto-provision new users" },
            { value: "match_only", label: "Match existing logins only" },
          ]}
        />
        <Select
          label="Email trust"
          name="emailTrust"
          defaultValue={v.emailTrust ?? "verify_with_claim"}
          options={[
            { value: "verify_with_claim", label: "Verify with the email_verified claim" },
            { value: "trust", label: "Trust the provider" },
            { value: "always_verify", label: "Always verify by email" },
          ]}
          hint="An untrusted email gets a verification link before anything happens."
        />
      </div>
      {text("allowedDomains", "Allowed domains", "Comma-separated; empty allows every domain.")}
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900">Attribute mapping (claim names)</legend>
        <div className="grid gap-3 sm:grid-cols-4">{MAPPING_FIELDS.map((f) => text(`map.${f}`, `${f[0]!.toUpperCase()}${f.slice(1)} claim`))}</div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        {text("buttonText", "Button text", "Default: Login with {name}.")}
        {text("displayOrder", "Display order", "Lower numbers show first.")}
      </div>
      <Button type="submit" disabled={pending}>
        {v.providerId ? "Save provider" : "Add provider"}
      </Button>
    </form>
  );
}
