import type { NextRequest } from "next/server";
import { z } from "zod";
import { startProviderFlow } from "@gatehouse/sso";
import { getCurrentSession } from "@/auth/session";
import { safeCallbackUrl } from "@/lib/safe-callback-url";
import { attachProviderBrowserSecret, readProviderBrowserSecret } from "@/server/provider-browser-binding";
import { providerRefusalLocation } from "@/server/provider-outcome";
import { flashTo } from "@/server/flash";
import { seeOther } from "@/server/sso-outcome";
import { ssoContext } from "@/server/sso-context";

const startSchema = z.object({ purpose: z.enum(["sign_in", "link"]).default("sign_in"), callbackUrl: z.string().max(2000).optional() });

/**
 * A "Login with …" button (a plain form post, so no JavaScript is needed) or "Link" on the
 * connected-accounts page. Linking needs the signed-in user: the flow carries who started it.
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ identifier: string }> }) {
  const { identifier } = await params;
  const form = await request.formData();
  const parsed = startSchema.safeParse(Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string")));
  if (!parsed.success) return seeOther(providerRefusalLocation("provider_unavailable"));
  const { purpose } = parsed.data;
  const session = purpose === "link" ? await getCurrentSession() : null;
  if (purpose === "link" && !session) return seeOther(`/login?${new URLSearchParams({ callbackUrl: "/settings/account" }).toString()}`);
  const started = await startProviderFlow(ssoContext(), {
    identifier: identifier.slice(0, 64),
    purpose,
    actorUserId: session?.user.id ?? null,
    callbackUrl: purpose === "link" ? "/settings/account" : safeCallbackUrl(parsed.data.callbackUrl, "/"),
    browserSecret: readProviderBrowserSecret(request),
  });
  if (!started.ok) {
    if (purpose === "link")
      return seeOther(await flashTo("/settings/account", { tone: "error", text: "That provider could not be reached. Try again in a moment." }));
    return seeOther(providerRefusalLocation(started.error));
  }
  return attachProviderBrowserSecret(seeOther(started.value.redirectUrl), started.value.browserSecret);
}
