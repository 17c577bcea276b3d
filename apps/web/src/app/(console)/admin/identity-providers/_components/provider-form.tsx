"use client";

import { useActionState, type ReactNode } from "react";
import { Alert, Button, Field } from "@gatehouse/ui";
import { initialActionState } from "@/lib/forms/action-state";
import { saveProviderAction } from "../actions";

export type ProviderFormValues = Record<string, string>;

const MAPPING_FIELDS = ["username", "email", "name", "picture", "website", "company", "locale"] as const;

function Select({
  label,
  name,
  value,
  options,
  error,
  hint,
}: {
  label: string;
  name: string;
  value: string;
  options: [string, string][];
  error?: string;
  hint?: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={`field-${name}`} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={`field-${name}`}
        name={name}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        className="block w-full rounded-md border-0 px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300"
      >
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {error ? <p className="text-sm text-red-700">{error}</p> : null}
    </div>
  );
}

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
          value={v.tokenEndpointAuthMethod ?? "client_secret_post"}
          error={e.tokenEndpointAuthMethod}
          options={[
            ["client_secret_post", "client_secret_post"],
            ["client_secret_basic", "client_secret_basic"],
            ["none", "none (public client, PKCE)"],
          ]}
          hint="PKCE is always used."
        />
        {text("scopes", "Scopes")}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Select
          label="Provisioning"
          name="provisioningMode"
          value={v.provisioningMode ?? "auto_provision"}
          options={[
            ["auto_provision", "Auto-provision new users"],
            ["match_only", "Match existing logins only"],
          ]}
        />
        <Select
          label="Email trust"
          name="emailTrust"
          value={v.emailTrust ?? "verify_with_claim"}
          options={[
            ["verify_with_claim", "Verify with the email_verified claim"],
            ["trust", "Trust the provider"],
            ["always_verify", "Always verify by email"],
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
