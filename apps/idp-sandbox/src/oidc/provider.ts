/// <reference path="../types/oidc-provider.d.ts" />
import { generateKeyPairSync, randomBytes } from "node:crypto";
import Provider, { interactionPolicy, type KoaContextWithOIDC } from "oidc-provider";
import { errorPage } from "../html/error";
import { logoutPage, signedOutPage } from "../html/logout";
import { usersFor } from "../users";
import { MemoryStore } from "./adapter";
import type { OidcProfile } from "./profiles";

export interface ProfileProvider {
  profile: OidcProfile;
  provider: Provider;
  store: MemoryStore;
  issuer: string;
}

function signingJwk(profileId: string): Record<string, unknown> {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    ...privateKey.export({ format: "jwk" }),
    kid: `${profileId}-${randomBytes(6).toString("hex")}`,
    alg: "RS256",
    use: "sig",
  };
}

/**
 * Always shows the login screen, even with a live session, so a tester can switch test
 * users between sign-ins. prompt=none keeps working off the existing session.
 */
function alwaysPickUser(): ReturnType<typeof interactionPolicy.base> {
  const policy = interactionPolicy.base();
  const { Check } = interactionPolicy;
  policy.get("login")?.checks.add(
    new Check("sandbox_pick_user", "the sandbox asks which test user to sign in as", (ctx) => {
      if (ctx.oidc.result?.login || ctx.oidc.prompts.has("none")) return Check.NO_NEED_TO_PROMPT;
      return Check.REQUEST_PROMPT;
    }),
  );
  return policy;
}

/** Consent is granted automatically for whatever scopes and claims were asked for. */
async function autoGrant(ctx: KoaContextWithOIDC) {
  const { oidc } = ctx;
  const clientId = oidc.client?.clientId;
  const accountId = oidc.session?.accountId;
  if (!clientId || !accountId) return undefined;

  const existingId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(clientId);
  let grant = existingId ? await oidc.provider.Grant.find(existingId) : undefined;
  if (grant && grant.accountId !== accountId) grant = undefined;
  grant ??= new oidc.provider.Grant({ clientId, accountId });

  grant.addOIDCScope([...oidc.requestParamOIDCScopes].join(" "));
  const claims = [...oidc.requestParamClaims];
  if (claims.length > 0) grant.addOIDCClaims(claims);
  await grant.save();
  return grant;
}

export function createProfileProvider(profile: OidcProfile, baseUrl: string, cookieKeys: string[]): ProfileProvider {
  const issuer = `${baseUrl}${profile.issuerPath}`;
  const store = new MemoryStore();
  // Profiles share one host (and Gatehouse shares it too: cookies ignore ports), so
  // each profile needs its own cookie names.
  const cookieName = (kind: string) => `sandbox_${profile.id}_${kind}`;
  const cookieOptions = { httpOnly: true, sameSite: "lax", signed: true };

  const provider = new Provider(issuer, {
    adapter: store.adapterFactory,
    jwks: { keys: [signingJwk(profile.id)] },
    claims: profile.claimsByScope,
    // Jackson reads both the ID token and userinfo, so release scope claims in both.
    conformIdTokenClaims: false,
    findAccount: async (_ctx: unknown, sub: string) => {
      const user = usersFor(profile.id).find((candidate) => profile.subject(candidate) === sub);
      if (!user) return undefined;
      return { accountId: sub, claims: () => profile.claims(user, { baseUrl }) };
    },
    interactions: {
      policy: alwaysPickUser(),
      url: (_ctx: unknown, interaction: { uid: string }) => `${profile.issuerPath}/interaction/${interaction.uid}`,
    },
    loadExistingGrant: autoGrant,
    cookies: {
      names: {
        session: cookieName("session"),
        interaction: cookieName("interaction"),
        resume: cookieName("resume"),
      },
      keys: cookieKeys,
      long: cookieOptions,
      short: cookieOptions,
    },
    pkce: {
      required: (_ctx: unknown, client: { clientAuthMethod: string }) => client.clientAuthMethod === "none",
    },
    responseTypes: ["code"],
    clientDefaults: {
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      id_token_signed_response_alg: "RS256",
      // Jackson (openid-client) authenticates with client_secret_post by default.
      token_endpoint_auth_method: "client_secret_post",
    },
    clientBasedCORS: () => true,
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: KoaContextWithOIDC, form: string) => {
          ctx.type = "html";
          ctx.body = logoutPage(profile.title, profile.accent, form);
        },
        postLogoutSuccessSource: (ctx: KoaContextWithOIDC) => {
          ctx.type = "html";
          ctx.body = signedOutPage(profile.title, profile.accent);
        },
      },
    },
    ...(profile.routes ? { routes: profile.routes } : {}),
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 600,
      IdToken: 3600,
      Interaction: 3600,
      RefreshToken: 14 * 24 * 3600,
      Session: 14 * 24 * 3600,
      Grant: 14 * 24 * 3600,
    },
    renderError: (ctx: KoaContextWithOIDC, out: Record<string, unknown>) => {
      ctx.type = "html";
      ctx.body = errorPage({
        title: `${profile.title}: sign-in failed`,
        message: String(out.error_description ?? out.error ?? "The request could not be completed."),
        details: out,
        accent: profile.accent,
      });
    },
  });

  provider.on("server_error", (_ctx, error) => {
    console.error(`[idp-sandbox] ${profile.id} provider error:`, error);
  });

  return { profile, provider, store, issuer };
}
