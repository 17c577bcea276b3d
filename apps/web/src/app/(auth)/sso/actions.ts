"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { findAccountBySlug, loadEmailRoute } from "@gatehouse/core";
import { safeCallbackUrl } from "@/lib/safe-callback-url";
import { emailSchema } from "@/lib/validators/auth";
import { db } from "@/server/context";
import { startSignInFromAction } from "@/server/sso-sign-in-start";

const entrySchema = z.object({ entry: z.string().trim().max(320), callbackUrl: z.string().optional() });
const slugSchema = z
  .string()
  .toLowerCase()
  .regex(/^[a-z0-9-]{1,64}$/);

/** Back to /sso with what was typed and the reason it did not lead anywhere. */
function again(entry: string, error: "empty" | "email" | "slug" | "unknown_slug" | "no_sso", callbackUrl: string): never {
  const params = new URLSearchParams({ error });
  if (entry) params.set("entry", entry);
  if (callbackUrl) params.set("callbackUrl", callbackUrl);
  redirect(`/sso?${params.toString()}`);
}

/**
 * /sso takes a work email (routed by its domain, like /login) or the account's sign-in name.
 * An email whose domain has no SSO gets the same answer whether or not its person exists.
 */
export async function goToSso(formData: FormData): Promise<void> {
  const parsed = entrySchema.safeParse({ entry: formData.get("entry") ?? "", callbackUrl: formData.get("callbackUrl") ?? undefined });
  const entry = parsed.success ? parsed.data.entry : "";
  const callbackUrl = safeCallbackUrl(parsed.success ? parsed.data.callbackUrl : undefined, "");
  if (!entry) again(entry, "empty", callbackUrl);
  if (entry.includes("@")) {
    const email = emailSchema.safeParse(entry);
    if (!email.success) again(entry, "email", callbackUrl);
    const { route } = await loadEmailRoute(db(), email.data);
    if (route.kind === "password") again(entry, "no_sso", callbackUrl);
    if (route.kind === "idp")
      redirect(await startSignInFromAction({ connectionId: route.connectionId, callbackUrl: callbackUrl || "/", loginHint: email.data }));
    const params = new URLSearchParams({ loginHint: email.data });
    if (callbackUrl) params.set("callbackUrl", callbackUrl);
    redirect(`/sso/${route.accountSlug}?${params.toString()}`);
  }
  const slug = slugSchema.safeParse(entry);
  if (!slug.success) again(entry, "slug", callbackUrl);
  if (!(await findAccountBySlug(db(), slug.data))) again(entry, "unknown_slug", callbackUrl);
  redirect(`/sso/${slug.data}${callbackUrl ? `?${new URLSearchParams({ callbackUrl }).toString()}` : ""}`);
}
