"use client";

import { Field, fieldId, Select } from "@gatehouse/ui";
import type { SsoProviderId } from "@gatehouse/sso/input";
import type { FormKit } from "./form-kit";

const DISCOVERY_FIELD: Record<Exclude<SsoProviderId, "saml" | "google">, { label: string; placeholder: string; hint: string }> = {
  okta: {
    label: "Okta organisation URL",
    placeholder: "https://your-org.okta.com",
    hint: "Your Okta address, or the issuer of a custom authorization server.",
  },
  entra: {
    label: "Issuer URL or OpenID metadata document",
    placeholder: "https://login.microsoftonline.com/<tenant-id>/v2.0",
    hint: "Use the v2.0 issuer with your Directory (tenant) ID from the app's Overview page.",
  },
  oidc: {
    label: "OpenID configuration URL",
    placeholder: "https://idp.example.com/.well-known/openid-configuration",
    hint: "Or the issuer URL: we add /.well-known/openid-configuration.",
  },
};

export const TOKEN_AUTH_METHODS = [
  { value: "client_secret_post", label: "Client secret in the request body (client_secret_post)" },
  { value: "client_secret_basic", label: "Client secret in the Authorization header (client_secret_basic)" },
  { value: "none", label: "No secret: public client with PKCE (none)" },
] as const;

/** Section b for OpenID Connect providers, each field named as the IdP's console names it. */
export function OidcFields({ kit, provider, clientSecretMask }: { kit: FormKit; provider: Exclude<SsoProviderId, "saml">; clientSecretMask: string | null }) {
  const { register, errorOf, initial, field } = kit;
  const discoveryError = errorOf("discoveryInput");
  return (
    <div className="space-y-4">
      {provider === "google" ? (
        <>
          <Field label="Google Workspace domain" placeholder="acme.com" hint="Only accounts of this domain may sign in." {...field("googleHostedDomain")} />
          <details open={Boolean(discoveryError || initial("discoveryInput"))} className="rounded-md ring-1 ring-slate-200">
            <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-800">Advanced: discovery URL (leave empty for Google)</summary>
            <div className="px-3 pb-3">
              <Field
                id={fieldId("discoveryInput")}
                label="Discovery URL"
                placeholder="https://accounts.google.com/.well-known/openid-configuration"
                hint="Only for testing against another OpenID provider."
                defaultValue={initial("discoveryInput")}
                error={discoveryError}
                {...register("discoveryInput")}
              />
            </div>
          </details>
        </>
      ) : (
        <Field
          id={fieldId("discoveryInput")}
          label={DISCOVERY_FIELD[provider].label}
          placeholder={DISCOVERY_FIELD[provider].placeholder}
          hint={DISCOVERY_FIELD[provider].hint}
          defaultValue={initial("discoveryInput")}
          error={discoveryError}
          {...register("discoveryInput")}
        />
      )}
      <Field label="Client ID" autoComplete="off" {...field("clientId")} />
      <Field
        id={fieldId("clientSecret")}
        label="Client secret"
        type="password"
        autoComplete="new-password"
        hint={
          clientSecretMask
            ? clientSecretMask.startsWith("(")
              ? clientSecretMask
              : `Saved: ${clientSecretMask} — leave empty to keep it`
            : provider === "entra"
              ? "Copy the secret's Value, not its Secret ID."
              : undefined
        }
        error={errorOf("clientSecret")}
        {...register("clientSecret")}
      />
      <Field
        label="Secret expiry date (optional)"
        type="date"
        hint="As your IdP shows it. We warn on the connection's page and email the account's admins 30, 14, 7 and 1 days before."
        {...field("clientSecretExpiresOn")}
      />
      <Select
        label="Token endpoint auth method"
        options={TOKEN_AUTH_METHODS}
        hint="How we present the client secret to the IdP's token endpoint. Choose the same as in your IdP."
        {...field("tokenEndpointAuthMethod")}
      />
      <Field label="Scopes" hint="Separated by spaces; must include openid." {...field("scopes")} />
    </div>
  );
}
