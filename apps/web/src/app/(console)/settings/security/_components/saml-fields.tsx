"use client";

import { useEffect, useRef, useState, type ChangeEvent } from "react";
import { Checkbox, Field, FileInput, RadioGroup, TextArea } from "@gatehouse/ui";
import { readCertificateFile, readMetadataFile, type FileRead } from "../_lib/read-file";
import type { FormKit } from "./form-kit";

export const SAML_CHECKLIST = [
  { id: "nameid", label: "Name ID format: EmailAddress", hint: "So the IdP names the person by email; with another format the sign-in may reach nobody." },
  {
    id: "username",
    label: "Application username (the Name ID's value): the person's email address",
    hint: "The address must match the member's email in Gatehouse.",
  },
  {
    id: "signed",
    label: "Response or assertion signed (either is enough)",
    hint: "Entra and JumpCloud sign only the assertion by default, Okta both: Gatehouse accepts either and refuses unsigned ones.",
  },
  {
    id: "encryption",
    label: "Assertion encryption off, or on with our SP certificate",
    hint: "An assertion encrypted for another key cannot be read, and the sign-in fails.",
  },
] as const;

const SOURCES = [
  { value: "metadata_url", label: "Metadata URL", hint: "Best: we re-read it, so certificate rotations are picked up." },
  { value: "metadata_xml", label: "Metadata XML", hint: "Paste or upload the metadata file your IdP offers." },
  { value: "manual", label: "Enter values by hand", hint: "The issuer, the sign-on URL and the signing certificate." },
] as const;

type Source = (typeof SOURCES)[number]["value"];

/**
 * Section b for SAML. The checklist comes first because these IdP settings cannot be read from
 * metadata and are the usual cause of failed sign-ins. It is a reminder that says what each
 * setting is for, not a gate: the values can be filled in and saved whatever is ticked.
 */
export function SamlFields({
  kit,
  checked,
  onCheckedChange,
  savedCertificateCount,
}: {
  kit: FormKit;
  checked: Record<string, boolean>;
  onCheckedChange: (id: string, value: boolean) => void;
  savedCertificateCount: number;
}) {
  const { register, errorOf, initial, initialChecked, hydrated, setValue, field } = kit;
  const [source, setSource] = useState<Source>((initial("samlSource") || "metadata_url") as Source);
  const [fileErrors, setFileErrors] = useState<{ metadataXml?: string; certificatePem?: string }>({});
  const showSource = (value: Source) => !hydrated || source === value;
  const sourceField = register("samlSource");
  const root = useRef<HTMLDivElement>(null);

  // Ticks and the source chosen before hydration live only in the DOM; adopt them once React runs.
  useEffect(() => {
    const inputs = root.current?.querySelectorAll<HTMLInputElement>("input[data-checklist], input[name='samlSource']") ?? [];
    for (const input of inputs) {
      if (input.dataset.checklist) {
        if (input.checked) onCheckedChange(input.dataset.checklist, true);
      } else if (input.checked) setSource(input.value as Source);
    }
    // Once, on mount: later changes arrive through onChange.
  }, []);

  const loadFile = (field: "metadataXml" | "certificatePem", read: (file: File) => Promise<FileRead>) => async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    const result = await read(file);
    setFileErrors((errors) => ({ ...errors, [field]: result.ok ? undefined : result.error }));
    if (result.ok) setValue(field, result.text, { shouldDirty: true, shouldValidate: true });
    // Let the same file be chosen again after the admin edits the text.
    event.target.value = "";
  };

  return (
    <div className="space-y-5" ref={root}>
      <fieldset className="space-y-2 rounded-md bg-amber-50 p-3 ring-1 ring-amber-200" data-testid="saml-checklist">
        <legend className="sr-only">Settings to choose in your IdP</legend>
        <p className="text-sm font-semibold text-amber-950">Choose these settings in your IdP</p>
        <p className="text-xs text-amber-900">
          They cannot be read from the metadata, and are the usual reasons a first sign-in fails. Tick each one as you check it.
        </p>
        {SAML_CHECKLIST.map((item) => (
          <Checkbox
            key={item.id}
            id={`saml-check-${item.id}`}
            data-checklist={item.id}
            label={item.label}
            hint={item.hint}
            defaultChecked={checked[item.id] ?? false}
            onChange={(e) => onCheckedChange(item.id, e.target.checked)}
          />
        ))}
      </fieldset>

      <fieldset className="space-y-4" data-testid="saml-idp-values">
        <legend className="text-sm font-semibold text-slate-900">Identity provider values</legend>
        <RadioGroup
          legend="Where do the IdP values come from?"
          name="samlSource"
          options={SOURCES}
          defaultValue={initial("samlSource") || "metadata_url"}
          error={errorOf("samlSource")}
          inputProps={{
            ...sourceField,
            onChange: (e) => {
              setSource(e.target.value as Source);
              return sourceField.onChange(e);
            },
          }}
        />

        <div hidden={!showSource("metadata_url")}>
          <Field
            label="Metadata URL"
            type="url"
            placeholder="https://idp.example.com/app/metadata"
            hint={hydrated ? undefined : "Fill in when you chose Metadata URL."}
            {...field("metadataUrl")}
          />
        </div>

        <div hidden={!showSource("metadata_xml")} className="space-y-2">
          <TextArea
            label="Metadata XML"
            rows={8}
            spellCheck={false}
            placeholder="<EntityDescriptor …>"
            hint={hydrated ? "Paste the XML, or upload the file below." : "Fill in when you chose Metadata XML."}
            defaultValue={initial("metadataXml")}
            error={errorOf("metadataXml")}
            {...register("metadataXml")}
          />
          {hydrated ? (
            <FileInput
              id="metadata-file"
              label="Upload metadata file (.xml)"
              accept=".xml,application/xml,text/xml"
              error={fileErrors.metadataXml}
              onChange={loadFile("metadataXml", readMetadataFile)}
            />
          ) : null}
        </div>

        <div hidden={!showSource("manual")} className="space-y-4">
          <Field label="Identity Provider Issuer (entity ID)" placeholder="http://www.okta.com/exk…" {...field("idpEntityId")} />
          <Field label="Single Sign-On URL" type="url" placeholder="https://idp.example.com/sso/saml" {...field("idpSsoUrl")} />
          <TextArea
            label="X.509 signing certificate"
            rows={6}
            spellCheck={false}
            placeholder="-----BEGIN CERTIFICATE-----"
            hint={
              savedCertificateCount > 0
                ? `Leave empty to keep the current ${savedCertificateCount === 1 ? "certificate" : `${savedCertificateCount} certificates`} (listed under Signing certificates).`
                : "Paste the certificate text, or upload the .pem, .cer or .crt file."
            }
            defaultValue={initial("certificatePem")}
            error={errorOf("certificatePem")}
            {...register("certificatePem")}
          />
          {hydrated ? (
            <FileInput
              id="certificate-file"
              label="Upload certificate file (.pem, .cer, .crt)"
              accept=".pem,.cer,.crt,.der"
              error={fileErrors.certificatePem}
              onChange={loadFile("certificatePem", readCertificateFile)}
            />
          ) : null}
        </div>
      </fieldset>

      <Field
        label="Allowed clock skew (seconds)"
        type="number"
        min={0}
        max={600}
        className="max-w-xs"
        hint="How far the IdP's clock may differ from ours. 120 suits almost everyone."
        {...field("clockSkewSeconds")}
      />

      <Checkbox
        label="Allow IdP-initiated sign-in"
        defaultChecked={initialChecked("idpInitiatedEnabled")}
        error={errorOf("idpInitiatedEnabled")}
        hint={
          <>
            An unsolicited response from the IdP is never trusted as is: Gatehouse restarts it as a normal sign-in. But it lets anyone who can reach the
            IdP&apos;s dashboard start sign-ins. Leave this off unless your users launch the app from their IdP dashboard.
          </>
        }
        {...register("idpInitiatedEnabled")}
      />
    </div>
  );
}
