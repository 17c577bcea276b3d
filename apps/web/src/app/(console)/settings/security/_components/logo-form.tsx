"use client";

import { useActionState, useEffect, useState, type ChangeEvent } from "react";
import { Button, FileInput } from "@gatehouse/ui";
import { initialActionState } from "@/lib/forms/action-state";
import { setLogoAction } from "../logo-actions";
import { SuccessNotice } from "@/app/(console)/_components/success-notice";

const INPUT_ID = "logo-file";

/**
 * The logo upload. The file itself is posted (React sends a server action's form as
 * multipart/form-data, with or without JavaScript; setting encType here would only be overridden).
 * With JavaScript an oversized file is refused before it is sent; the server checks again.
 */
export function LogoForm({ connectionId, maxBytes }: { connectionId: string; maxBytes: number }) {
  const [state, formAction, pending] = useActionState(setLogoAction, initialActionState);
  const [tooLarge, setTooLarge] = useState<string>();
  const error = tooLarge ?? state.error;

  useEffect(() => {
    if (state.error) document.getElementById(INPUT_ID)?.focus();
  }, [state]);

  const check = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file && file.size > maxBytes) {
      setTooLarge(`The logo is ${Math.ceil(file.size / 1024)} KB; the limit is ${maxBytes / 1024} KB.`);
      event.target.value = "";
    } else {
      setTooLarge(undefined);
    }
  };

  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="connectionId" value={connectionId} />
      <FileInput
        id={INPUT_ID}
        name="logo"
        label="Logo file"
        accept=".png,.jpg,.jpeg,.svg,image/png,image/jpeg,image/svg+xml"
        hint={`PNG, JPG or SVG, up to ${maxBytes / 1024} KB. Square images look best.`}
        error={error}
        onChange={check}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Uploading…" : "Upload logo"}
      </Button>
      <div aria-live="polite">
        <SuccessNotice state={state} />
      </div>
    </form>
  );
}
