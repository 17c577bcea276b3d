import { eq, ssoConnections, type SsoConnection, type SsoFlow } from "@gatehouse/db";
import { ssoUrls, type SsoContext } from "../context";
import { getJackson } from "../jackson";
import { redeemSignInVerification } from "./email-verification";
import { finishSignIn, type FlowOutcome, type RequestInfo } from "./finish-sign-in";
import { takeFlow } from "./flow-state";
import { describeOidcError, oidcConfiguration, redeemOidcCallback } from "./oidc-client";

const STALE: FlowOutcome = {
  kind: "refused",
  code: "flow_stale",
  message: "This sign-in has expired or was already completed.",
  advice: "Start the sign-in again from the login page. Sign-ins must finish within 10 minutes.",
};

const OTHER_BROWSER: FlowOutcome = {
  kind: "refused",
  code: "other_browser",
  message: "This sign-in was started in another browser.",
  advice: "Start again here: open the login page in this browser and sign in from there.",
};

/** What a callback carries: its URL, who sent it, and the secret in the browser's flow cookie. */
export type CallbackInput = { url: URL; request: RequestInfo; browserSecret: string | null };

type LoadedFlow = { ok: true; flow: SsoFlow; connection: SsoConnection } | { ok: false; outcome: FlowOutcome };

async function loadFlowConnection(ctx: SsoContext, input: CallbackInput): Promise<LoadedFlow> {
  const taken = await takeFlow(ctx, input.url.searchParams.get("state"), input.browserSecret);
  if (taken.kind === "other_browser") return { ok: false, outcome: OTHER_BROWSER };
  if (taken.kind === "stale") return { ok: false, outcome: STALE };
  const [connection] = await ctx.db.select().from(ssoConnections).where(eq(ssoConnections.id, taken.flow.connectionId)).limit(1);
  return connection ? { ok: true, flow: taken.flow, connection } : { ok: false, outcome: STALE };
}

/** The OIDC redirect URI: code → tokens (state, PKCE, nonce, issuer, signature checked) → claims. */
export async function completeOidcCallback(ctx: SsoContext, input: CallbackInput): Promise<FlowOutcome> {
  const loaded = await loadFlowConnection(ctx, input);
  if (!loaded.ok) return loaded.outcome;
  const { flow, connection } = loaded;
  // openid-client compares the callback URL with the registered one: rebuild it on our public URL.
  const currentUrl = new URL(ssoUrls(ctx.appUrl).oidcRedirectUri);
  currentUrl.search = input.url.search;
  try {
    const config = await oidcConfiguration(ctx, connection);
    const claims = await redeemOidcCallback(config, { currentUrl, state: input.url.searchParams.get("state")!, nonce: flow.nonce, codeVerifier: flow.codeVerifier });
    return finishSignIn(ctx, { flow, connection, claims, request: input.request });
  } catch (error) {
    return finishSignIn(ctx, { flow, connection, claims: null, failure: describeOidcError(error), request: input.request });
  }
}

/** Where Jackson hands a SAML sign-in back: code → profile (with our PKCE verifier). */
export async function completeSamlCallback(ctx: SsoContext, input: CallbackInput): Promise<FlowOutcome> {
  const loaded = await loadFlowConnection(ctx, input);
  if (!loaded.ok) return loaded.outcome;
  const { flow, connection } = loaded;
  const error = input.url.searchParams.get("error");
  if (error) {
    const description = input.url.searchParams.get("error_description") ?? error;
    // Jackson prefixes its trace id ("<id>: message"); the message is what the admin needs.
    return finishSignIn(ctx, { flow, connection, claims: null, failure: description.replace(/^[\w-]{6,}: /, ""), request: input.request });
  }
  try {
    const jackson = await getJackson(ctx);
    const urls = ssoUrls(ctx.appUrl);
    const token = await jackson.oauthController.token({
      grant_type: "authorization_code",
      code: input.url.searchParams.get("code") ?? "",
      redirect_uri: urls.samlCallbackUri,
      // With PKCE the verifier is the proof; Jackson then takes no client credentials.
      code_verifier: flow.codeVerifier,
    });
    const profile = await jackson.oauthController.userInfo(token.access_token);
    const raw = (profile.raw ?? {}) as Record<string, unknown>;
    // The NameID is the identity's key: an attribute that happens to be called "nameID" must not replace it.
    const claims: Record<string, unknown> = { ...raw, nameID: profile.id };
    if (claims.email === undefined && profile.email) claims.email = profile.email;
    return finishSignIn(ctx, { flow, connection, claims, request: input.request });
  } catch (caught) {
    return finishSignIn(ctx, { flow, connection, claims: null, failure: caught instanceof Error ? caught.message : String(caught), request: input.request });
  }
}

/** The link in an SSO verification email: the held sign-in completes now. */
export async function completeEmailVerification(ctx: SsoContext, input: { token: string; request: RequestInfo }): Promise<FlowOutcome> {
  const held = await redeemSignInVerification(ctx, input.token);
  if (!held) return { kind: "refused", code: "verification_stale", message: "This verification link has expired or was already used.", advice: "Sign in again to get a new link." };
  return finishSignIn(ctx, {
    flow: { purpose: "sign_in", actorUserId: null, testId: null, callbackUrl: held.callbackUrl, observations: null },
    connection: held.connection,
    claims: held.claims,
    request: input.request,
    emailJustProven: true,
  });
}
