import type { NextRequest } from "next/server";
import { handleSamlAcs, startSsoFlow } from "@gatehouse/sso";
import { refusalLocation, seeOther } from "@/server/sso-outcome";
import { clientIp } from "@/server/request";
import { ssoContext } from "@/server/sso-context";

const MAX_ACS_BODY_BYTES = 512 * 1024;

/** The SAML Assertion Consumer Service: the IdP posts SAMLResponse (+ RelayState) here. */
export async function POST(request: NextRequest) {
  // Real SAML responses are a few kilobytes: an unauthenticated megabyte body is refused unread.
  if (Number(request.headers.get("content-length") ?? 0) > MAX_ACS_BODY_BYTES) {
    return seeOther(refusalLocation("The identity provider's response is too large to be a SAML response.", "Start the sign-in again from the login page."));
  }
  const form = await request.formData().catch(() => null);
  const samlResponse = form?.get("SAMLResponse");
  const relayState = form?.get("RelayState");
  if (typeof samlResponse !== "string" || !samlResponse) {
    return seeOther(refusalLocation("The identity provider sent no SAML response.", "Start the sign-in again from the login page."));
  }
  const ctx = ssoContext();
  const outcome = await handleSamlAcs(ctx, { samlResponse, relayState: typeof relayState === "string" ? relayState : null, ip: await clientIp() });
  if (outcome.kind === "redirect") return seeOther(outcome.url);
  if (outcome.kind === "error") return seeOther(refusalLocation(outcome.message, outcome.advice));
  // IdP-initiated and allowed: start an ordinary SP-initiated sign-in; the IdP's session makes it seamless.
  const started = await startSsoFlow(ctx, { connection: outcome.connection, purpose: "sign_in" });
  if (!started.ok) return seeOther(refusalLocation(started.error, "Start the sign-in again from the login page."));
  if ("html" in started.value) return new Response(started.value.html, { headers: { "content-type": "text/html; charset=utf-8" } });
  return seeOther(started.value.redirectUrl);
}
