import { Alert, SuccessToast } from "@gatehouse/ui";
import type { Flash } from "@/lib/flash-message";
import { readFlash } from "@/server/flash";

/** The result of the action that sent the browser here (see flashTo); never text from the URL. */
export async function FlashBanner({ id }: { id: unknown }) {
  const flash = await readFlash(id);
  return flash ? <FlashMessage id={String(id)} flash={flash} /> : null;
}

/** A success is a toast (a banner until the page runs, so also without JavaScript); an error stays a banner. */
export function FlashMessage({ id, flash }: { id: string; flash: Flash }) {
  return flash.tone === "success" ? <SuccessToast id={id} text={flash.text} /> : <Alert tone={flash.tone}>{flash.text}</Alert>;
}
