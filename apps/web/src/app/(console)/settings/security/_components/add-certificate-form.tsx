"use client";

import { useActionState, useEffect, useState, type ChangeEvent } from "react";
import { Button, fieldId, FileInput, TextArea } from "@gatehouse/ui";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";
import { addCertificateAction } from "../certificate-actions";
import { readCertificateFile } from "../_lib/read-file";
import { useHydrated } from "../_lib/use-hydrated";
import { SuccessNotice } from "@/app/(console)/_components/success-notice";

const FIELD = "nextCertificatePem";

/**
 * Certificate rotation, step one: the IdP's next signing certificate, pasted or read from its file
 * in the browser (as in the wizard), so the post is plain text. The server refuses keys, expired
 * and non-signing certificates, and changes nothing then.
 */
export function AddCertificateForm({ connectionId, fromUrl }: { connectionId: string; fromUrl: boolean }) {
  const [state, formAction, pending] = useActionState(addCertificateAction, initialActionState);
  const hydrated = useHydrated();
  // The file's text replaces the textarea's (a new key remounts it with that as its default),
  // until the next answer from the server, which brings its own.
  const [read, setRead] = useState<{ text: string; key: number; answer: ActionState } | null>(null);
  const fromFile = read?.answer === state ? read : null;
  const [fileError, setFileError] = useState<string>();

  // The reason is shown under the field: put the admin back there to correct it.
  useEffect(() => {
    if (state.error) document.getElementById(fieldId(FIELD))?.focus();
  }, [state]);

  const loadFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    const result = await readCertificateFile(file);
    setFileError(result.ok ? undefined : result.error);
    if (result.ok) setRead({ text: result.text, key: Date.now(), answer: state });
    event.target.value = "";
  };

  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="connectionId" value={connectionId} />
      <TextArea
        key={fromFile?.key ?? "typed"}
        label="Next signing certificate"
        name={FIELD}
        rows={5}
        spellCheck={false}
        placeholder="-----BEGIN CERTIFICATE-----"
        hint={
          fromUrl
            ? "Usually not needed here: “Re-read metadata now” picks up what your IdP publishes, and the next read drops a certificate it does not publish."
            : "The certificate your IdP will sign with next. Both are accepted until you remove the old one."
        }
        defaultValue={fromFile?.text ?? state.values?.[FIELD] ?? ""}
        error={state.error}
      />
      {hydrated ? (
        <FileInput
          id="next-certificate-file"
          label="Or upload the certificate file (.pem, .cer, .crt)"
          accept=".pem,.cer,.crt,.der"
          error={fileError}
          onChange={loadFile}
        />
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Adding…" : "Add next certificate"}
        </Button>
      </div>
      <div aria-live="polite">
        <SuccessNotice state={state} />
      </div>
    </form>
  );
}
