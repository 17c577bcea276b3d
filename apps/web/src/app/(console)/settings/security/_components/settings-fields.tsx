"use client";

import { Field, fieldId, RadioGroup, Select } from "@gatehouse/ui";
import { ROLE_LABELS } from "@gatehouse/core/limits";
import type { FormKit } from "./form-kit";

export const EMAIL_TRUST_OPTIONS = [
  { value: "verify_with_claim", label: "Trust the email when the IdP says it is verified" },
  { value: "trust", label: "Trust this IdP's emails" },
  { value: "always_verify", label: "Always verify by email first" },
  { value: "verified_domains", label: "Trust only the account's verified domains; verify others by email" },
] as const;

const PROVISIONING = [
  { value: "match", label: "Match existing members only", hint: "People whose email is not already a member are refused." },
  { value: "jit", label: "Just-in-time", hint: "People who are not members yet become members on their first sign-in." },
] as const;

const ROLE_OPTIONS = (["member", "admin"] as const).map((role) => ({ value: role, label: ROLE_LABELS[role] }));

/** Section c: how the connection appears and who it lets in. */
export function SettingsFields({ kit, displayElsewhere = false }: { kit: FormKit; displayElsewhere?: boolean }) {
  const { register, errorOf, initial, field } = kit;
  return (
    <div className="space-y-4">
      {/* On a saved connection's page the Display tab edits these; the save here keeps them as they are. */}
      {displayElsewhere ? (
        <>
          <input type="hidden" defaultValue={initial("name")} {...register("name")} />
          <input type="hidden" defaultValue={initial("buttonText")} {...register("buttonText")} />
        </>
      ) : (
        <Field label="Connection name" {...field("name")} />
      )}
      <Field label="Description (admins only)" hint="A note for other admins; members never see it." {...field("description")} />
      {displayElsewhere ? null : <Field label="Sign-in button text" hint="What members see on the sign-in page." {...field("buttonText")} />}
      <RadioGroup
        legend="Provisioning"
        name="provisioningMode"
        options={PROVISIONING}
        defaultValue={initial("provisioningMode") || "match"}
        error={errorOf("provisioningMode")}
        inputProps={register("provisioningMode")}
      />
      <Select
        label="Role for new members"
        className="max-w-xs"
        options={ROLE_OPTIONS}
        hint="Used with just-in-time provisioning."
        defaultValue={initial("jitRole") || "member"}
        error={errorOf("jitRole")}
        {...register("jitRole")}
      />
      <Field
        label="Allowed email domains"
        placeholder="acme.com, acme.co.uk"
        hint="Optional, separated by commas. Leave empty to accept any domain the IdP sends."
        {...field("allowedDomains")}
      />
      <Select
        label="Email trust"
        options={EMAIL_TRUST_OPTIONS}
        hint="When we accept the IdP's email address as proof of who someone is, and when we first send them a verification link."
        {...field("emailTrust")}
      />
    </div>
  );
}

const MAPPING_FIELDS = [
  { key: "email", label: "Email" },
  { key: "firstName", label: "First name" },
  { key: "lastName", label: "Last name" },
  { key: "displayName", label: "Display name" },
  { key: "username", label: "Username" },
  { key: "picture", label: "Picture" },
] as const;

/** Section d: which claim or SAML attribute feeds each profile field. */
export function AttributeMappingFields({ kit }: { kit: FormKit }) {
  const { register, errorOf, initial } = kit;
  const hasError = MAPPING_FIELDS.some((f) => errorOf(`attributeMapping.${f.key}`));
  return (
    <details open={hasError} className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200" data-testid="attribute-mapping">
      <summary className="cursor-pointer px-5 py-4">
        <h2 className="inline text-base font-semibold text-slate-900">Attribute mapping</h2>
      </summary>
      <div className="space-y-4 border-t border-slate-200 px-5 py-4">
        <p className="text-sm text-slate-600">
          The claim (OpenID Connect) or attribute (SAML) that carries each value. When it is missing, we try the names IdPs commonly use; Test Connection shows
          what the last sign-in produced.
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          {MAPPING_FIELDS.map((f) => {
            const name = `attributeMapping.${f.key}`;
            return <Field key={f.key} id={fieldId(name)} label={f.label} defaultValue={initial(name)} error={errorOf(name)} {...register(name)} />;
          })}
        </div>
      </div>
    </details>
  );
}
