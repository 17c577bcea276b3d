import type { SsoConnection } from "@gatehouse/db";
import type { Result } from "@gatehouse/core";
import { ssoUrls, type SsoContext } from "../context";
import { ensureSamlConnectionRegistered } from "../connections/jackson-sync";
import { getJackson, JACKSON_PRODUCT } from "../jackson";
import { browserSecretFor } from "./browser-binding";
import { openFlow, type FlowPurpose } from "./flow-state";
import { buildOidcAuthorizationUrl, describeOidcError, oidcConfiguration } from "./oidc-client";

/** Where the browser goes next, and the secret its flow cookie must hold (see browser-binding). */
export type FlowStart = ({ redirectUrl: string } | { html: string }) & { browserSecret: string };

/**
 * Starts an SP-initiated sign-in through a connection: for OIDC straight to the IdP, for SAML
 * through Jackson, which builds the AuthnRequest. The same path serves sign-in, Authenticate
 * and test sign-ins; only `purpose` differs. The flow is bound to the browser's secret (the one
 * its cookie already holds, else a new one the caller must set).
 */
export async function startSsoFlow(
  ctx: SsoContext,
  input: {
    connection: SsoConnection;
    purpose: FlowPurpose;
    actorUserId?: string | null;
    testId?: string | null;
    /** An Authenticate started through this setup link (see decideSetupLinkFlow). */
    setupLinkId?: string | null;
    callbackUrl?: string | null;
    loginHint?: string;
    browserSecret?: string | null;
    /** The session the starting browser holds: a sign-in finished in the ACS carries its grants. */
    startingSessionId?: string | null;
  },
): Promise<Result<FlowStart>> {
  const { connection } = input;
  const urls = ssoUrls(ctx.appUrl);
  if (connection.provider === "saml") {
    // Saving a connection may have lost its IdP entity ID to another account since (it had not passed
    // Authenticate then); starting a sign-in claims it back when it may.
    const registered = await ensureSamlConnectionRegistered(ctx, connection, { userId: input.actorUserId ?? null, label: "SSO sign-in start", ip: null });
    if (!registered.ok) return { ok: false, error: registered.error };
  }
  const browserSecret = browserSecretFor(input.browserSecret);
  const flow = await openFlow(ctx, { ...input, connectionId: connection.id, browserSecret });
  if (connection.provider !== "saml") {
    try {
      const config = await oidcConfiguration(ctx, connection);
      const url = buildOidcAuthorizationUrl(config, {
        redirectUri: urls.oidcRedirectUri,
        scope: connection.scopes,
        state: flow.state,
        nonce: flow.nonce,
        codeChallenge: flow.codeChallenge,
        loginHint: input.loginHint,
      });
      return { ok: true, value: { redirectUrl: url.toString(), browserSecret } };
    } catch (error) {
      return { ok: false, error: `Could not start the sign-in with the identity provider: ${describeOidcError(error)}` };
    }
  }
  const jackson = await getJackson(ctx);
  const response = await jackson.oauthController.authorize({
    tenant: connection.id,
    product: JACKSON_PRODUCT,
    client_id: "dummy",
    redirect_uri: urls.samlCallbackUri,
    response_type: "code",
    state: flow.state,
    code_challenge: flow.codeChallenge,
    code_challenge_method: "S256",
    ...(input.loginHint ? { login_hint: input.loginHint } : {}),
  });
  if (response.authorize_form) return { ok: true, value: { html: response.authorize_form, browserSecret } };
  if (response.redirect_url && !response.error) return { ok: true, value: { redirectUrl: response.redirect_url, browserSecret } };
  return { ok: false, error: `Could not start the SAML sign-in: ${response.error ?? "no redirect from the SAML engine"}` };
}
