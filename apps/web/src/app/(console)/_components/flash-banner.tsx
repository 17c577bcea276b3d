import { Alert } from "@gatehouse/ui";
import { readFlash } from "@/server/flash";

/** The result of the action that sent the browser here (see flashTo); never text from the URL. */
export async function FlashBanner({ id }: { id: unknown }) {
  const flash = await readFlash(id);
  return flash ? <Alert tone={flash.tone}>{flash.text}</Alert> : null;
}
