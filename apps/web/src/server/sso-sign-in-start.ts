import { getEnabledConnection, startSsoFlow } from "@gatehouse/sso";
import { readSessionId } from "@/auth/session-cookie";
import { readBrowserSecretFromCookies, setBrowserSecretCookie } from "./sso-browser-binding";
import { refusalLocation } from "./sso-outcome";
import { ssoContext } from "./sso-context";

/** The GET form of /api/sso/start: a link any page or route can send the browser to. */
export function ssoStartPath(input: { connectionId: string; callbackUrl: string; loginHint?: string }): string {
  const params = new URLSearchParams({ connectionId: input.connectionId, purpose: "sign_in", callbackUrl: input.callbackUrl });
  if (input.loginHint) params.set("loginHint", input.loginHint);
  return `/api/sso/start?${params.toString()}`;
}

/**
 * Starts a sign-in from a server action and returns where the browser goes (the IdP). The action
 * starts the flow itself rather than redirecting to /api/sso/start: Next would fetch that route
 * on the server to pre-render it, opening a stray flow and following it to the IdP.
 */
export async function startSignInFromAction(input: { connectionId: string; callbackUrl: string; loginHint?: string }): Promise<string> {
  const ctx = ssoContext();
  const connection = await getEnabledConnection(ctx.db, input.connectionId);
  if (!connection) return refusalLocation("This sign-in option is not available.", "It may have been switched off. Sign in another way, or ask your admin.");
  const started = await startSsoFlow(ctx, {
    connection,
    purpose: "sign_in",
    callbackUrl: input.callbackUrl,
    loginHint: input.loginHint,
    browserSecret: await readBrowserSecretFromCookies(),
    startingSessionId: await readSessionId(),
  });
  if (!started.ok) return refusalLocation(started.error, "Try again in a moment, or sign in another way.");
  // A SAML IdP that takes POST only needs the auto-submitting form /api/sso/start serves.
  if (!("redirectUrl" in started.value)) return ssoStartPath(input);
  await setBrowserSecretCookie(started.value.browserSecret);
  return started.value.redirectUrl;
}
