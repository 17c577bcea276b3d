import type { NextRequest } from "next/server";
import { handleSamlAcs } from "@gatehouse/sso";
import { readAcsBrowserSecret, releaseBrowserSecret } from "@/server/sso-browser-binding";
import { refusalLocation, requestInfo, respondToOutcome, seeOther } from "@/server/sso-outcome";
import { ssoContext } from "@/server/sso-context";

const MAX_ACS_BODY_BYTES = 512 * 1024;

/**
 * The SAML Assertion Consumer Service: the IdP posts SAMLResponse (+ RelayState) here. With the
 * starting browser's ACS cookie the sign-in finishes in this request; otherwise the browser goes
 * on to our callback, which must see its flow cookie.
 */
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
  const browserSecret = readAcsBrowserSecret(request);
  const outcome = await handleSamlAcs(ctx, {
    samlResponse,
    relayState: typeof relayState === "string" ? relayState : null,
    ...requestInfo(request),
    browserSecret,
  });
  if (outcome.kind === "finished") return releaseBrowserSecret(respondToOutcome(outcome.outcome, { idHash: outcome.startingSessionHash }), browserSecret);
  if (outcome.kind === "redirect") return seeOther(outcome.url);
  if (outcome.kind === "error") return seeOther(refusalLocation(outcome.message, outcome.advice, outcome.code));
  // IdP-initiated and allowed: start an ordinary SP-initiated sign-in; the IdP's session makes it
  // seamless. Through /api/sso/start (a top-level GET, which carries the SameSite=Lax flow cookie
  // this cross-site POST did not) so the new flow is bound to this browser like any other.
  return seeOther(`/api/sso/start?${new URLSearchParams({ connectionId: outcome.connection.id }).toString()}`);
}
