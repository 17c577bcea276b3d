import { and, eq, loginProviderIdentities, loginProviders, users, type LoginProvider } from "@gatehouse/db";
import {
  checkSignInMethod,
  createSession,
  decideProviderSignIn,
  fail,
  findUserByEmail,
  mapProviderProfile,
  mfaStepForSignIn,
  ok,
  recordAuditEvent,
  recordUserAuditEvent,
  type ProviderRefusalKey,
  type Result,
} from "@gatehouse/core";
import { emailVerificationEmail } from "@gatehouse/email";
import type { SsoContext } from "../context";
import { browserSecretFor } from "../flows/browser-binding";
import type { RequestInfo } from "../flows/finish-sign-in";
import { buildOidcAuthorizationUrl, describeOidcError, oidcConfiguration, redeemOidcCallback } from "../flows/oidc-client";
import { getLoginProviderByIdentifier, isFederatedLoginEnabled, providerCallbackUrl } from "./manage-providers";
import { provisionSocialUser } from "./provision-social-user";
import { holdProviderSignIn, openProviderFlow, peekProviderHold, takeProviderFlow, takeProviderHold } from "./provider-flow-state";

export type ProviderOutcome =
  /** `mfaPending`: the session grants nothing until the MFA step (/login/mfa) is done. */
  | { kind: "signed_in"; sessionId: string; redirectTo: string; mfaPending: boolean }
  | { kind: "linked"; providerName: string }
  | { kind: "verification_sent"; email: string }
  | { kind: "confirm_link"; token: string }
  /** The user's account enforces SSO: send them to its IdP with A's one-line reason. */
  | { kind: "sso_required"; message: string; accountSlug: string; email: string }
  | { kind: "refused"; code: ProviderRefusalKey };

/** A provider a sign-in may start or finish with: enabled, and Federated Login on. */
async function isUsable(ctx: SsoContext, provider: LoginProvider): Promise<boolean> {
  return provider.enabled && (await isFederatedLoginEnabled(ctx.db));
}

async function usableProvider(ctx: SsoContext, identifier: string): Promise<LoginProvider | null> {
  const provider = await getLoginProviderByIdentifier(ctx.db, identifier);
  return provider && (await isUsable(ctx, provider)) ? provider : null;
}

/** Starts a round trip to a login provider: a sign-in from /login, or a link from a signed-in user's settings. */
export async function startProviderFlow(
  ctx: SsoContext,
  input: { identifier: string; purpose: "sign_in" | "link"; actorUserId: string | null; callbackUrl: string | null; browserSecret: string | null },
): Promise<Result<{ redirectUrl: string; browserSecret: string }, ProviderRefusalKey>> {
  const provider = await usableProvider(ctx, input.identifier);
  if (!provider) return fail("provider_unavailable");
  if (input.purpose === "link" && !input.actorUserId) return fail("flow_stale");
  const browserSecret = browserSecretFor(input.browserSecret);
  try {
    const config = await oidcConfiguration(ctx, provider);
    const flow = await openProviderFlow(ctx, {
      providerId: provider.id,
      purpose: input.purpose,
      browserSecret,
      actorUserId: input.actorUserId,
      callbackUrl: input.callbackUrl,
    });
    const url = buildOidcAuthorizationUrl(config, {
      redirectUri: providerCallbackUrl(ctx.appUrl, provider.identifier),
      scope: provider.scopes,
      state: flow.state,
      nonce: flow.nonce,
      codeChallenge: flow.codeChallenge,
    });
    return ok({ redirectUrl: url.toString(), browserSecret });
  } catch (error) {
    console.warn(`[providers] could not start ${provider.identifier}: ${describeOidcError(error).slice(0, 300)}`);
    return fail("provider_error");
  }
}

/** The provider's redirect back: code → verified ID token (state, PKCE, nonce, issuer, signature) → decision. */
export async function completeProviderCallback(
  ctx: SsoContext,
  input: {
    identifier: string;
    url: URL;
    browserSecret: string | null;
    request: RequestInfo;
    /** Who this browser is signed in as now. */ signedInUserId: string | null;
  },
): Promise<ProviderOutcome> {
  const provider = await getLoginProviderByIdentifier(ctx.db, input.identifier);
  if (!provider) return { kind: "refused", code: "provider_unavailable" };
  const taken = await takeProviderFlow(ctx, { providerId: provider.id, state: input.url.searchParams.get("state"), browserSecret: input.browserSecret });
  if (taken.kind !== "taken") return { kind: "refused", code: taken.kind === "other_browser" ? "other_browser" : "flow_stale" };
  // A provider switched off mid-flight does not finish the sign-in it started.
  if (!(await isUsable(ctx, provider))) return { kind: "refused", code: "provider_unavailable" };
  const { flow } = taken;
  // A link lands on whoever started it, and only while they are still signed in here.
  if (flow.purpose === "link" && (!flow.actorUserId || flow.actorUserId !== input.signedInUserId)) return { kind: "refused", code: "flow_stale" };
  const currentUrl = new URL(providerCallbackUrl(ctx.appUrl, provider.identifier));
  currentUrl.search = input.url.search;
  let claims: Record<string, unknown>;
  try {
    const config = await oidcConfiguration(ctx, provider);
    claims = await redeemOidcCallback(config, { currentUrl, state: input.url.searchParams.get("state")!, nonce: flow.nonce, codeVerifier: flow.codeVerifier });
  } catch (error) {
    console.warn(`[providers] ${provider.identifier} callback failed: ${describeOidcError(error).slice(0, 500)}`);
    await audit(ctx, provider, { userId: null, label: "unknown", ip: input.request.ip }, "sign_in.social.refused", { reason: "provider_error" });
    return { kind: "refused", code: "provider_error" };
  }
  return decideAndAct(ctx, {
    provider,
    claims,
    purpose: flow.purpose,
    actorUserId: flow.actorUserId,
    callbackUrl: flow.callbackUrl,
    emailProven: false,
    request: input.request,
  });
}

/** The verification link we emailed: the held sign-in goes on with the email proven. */
export async function redeemProviderVerification(ctx: SsoContext, input: { token: string; request: RequestInfo }): Promise<ProviderOutcome> {
  const held = await takeProviderHold(ctx, "verify", input.token);
  const provider = held ? await providerById(ctx, held.providerId) : null;
  if (!held || !provider || !(await isUsable(ctx, provider))) return { kind: "refused", code: "flow_stale" };
  return decideAndAct(ctx, {
    provider,
    claims: held.claims,
    purpose: "sign_in",
    actorUserId: null,
    callbackUrl: held.callbackUrl,
    emailProven: true,
    request: input.request,
  });
}

/** The person confirmed linking the provider to the existing login with that email. */
export async function confirmProviderLink(ctx: SsoContext, input: { token: string; request: RequestInfo }): Promise<ProviderOutcome> {
  const held = await takeProviderHold(ctx, "confirm", input.token);
  const provider = held ? await providerById(ctx, held.providerId) : null;
  if (!held || !provider || !(await isUsable(ctx, provider))) return { kind: "refused", code: "flow_stale" };
  // Re-read now: the login may have changed its email, or the identity been linked, since the screen
  // showed. Only the login the decision chose may be linked, and only while it still has the email.
  const user = await findUserByEmail(ctx.db, held.email);
  if (!user || user.id !== held.userId) return { kind: "refused", code: "flow_stale" };
  const linked = await linkIdentity(ctx, { provider, issuer: held.issuer, subject: held.subject, email: held.email, userId: user.id });
  if (!linked) return { kind: "refused", code: "linked_to_someone_else" };
  await audit(ctx, provider, { userId: user.id, label: held.email, ip: input.request.ip }, "login_provider.linked", {
    via: "email_confirmation",
    subject: held.subject,
  });
  return startSession(ctx, {
    provider,
    userId: user.id,
    email: held.email,
    subject: held.subject,
    callbackUrl: held.callbackUrl,
    request: input.request,
    provisioned: false,
  });
}

async function providerById(ctx: SsoContext, id: string) {
  const [row] = await ctx.db.select().from(loginProviders).where(eq(loginProviders.id, id)).limit(1);
  return row ?? null;
}

type ActInput = {
  provider: LoginProvider;
  claims: Record<string, unknown>;
  purpose: "sign_in" | "link";
  actorUserId: string | null;
  callbackUrl: string | null;
  emailProven: boolean;
  request: RequestInfo;
};

async function decideAndAct(ctx: SsoContext, input: ActInput): Promise<ProviderOutcome> {
  const { provider, claims, request } = input;
  const profile = mapProviderProfile(claims, provider.attributeMapping);
  const subject = typeof claims.sub === "string" && claims.sub ? claims.sub : null;
  const issuer = typeof claims.iss === "string" && claims.iss ? claims.iss : provider.issuer;
  const actor = { userId: input.actorUserId, label: profile.email ?? "unknown", ip: request.ip };
  if (!subject || !issuer) {
    await audit(ctx, provider, actor, "sign_in.social.refused", { reason: "provider_error" });
    return { kind: "refused", code: "provider_error" };
  }
  const linkedId = await linkedUserId(ctx, { provider, issuer, subject });
  const userWithEmail = profile.email ? await findUserByEmail(ctx.db, profile.email) : null;
  const decision = decideProviderSignIn({
    purpose: input.purpose,
    signedInUserId: input.actorUserId,
    provider: {
      provisioningMode: provider.provisioningMode,
      allowedDomains: provider.allowedDomains,
      emailTrust: provider.emailTrust === "verified_domains" ? "always_verify" : provider.emailTrust,
    },
    email: profile.email,
    emailVerifiedClaim: profile.emailVerified,
    emailProven: input.emailProven,
    linkedUserId: linkedId,
    userWithEmailId: userWithEmail?.id ?? null,
  });
  const held = { providerId: provider.id, issuer, subject, email: profile.email ?? "", claims, callbackUrl: input.callbackUrl };
  switch (decision.outcome) {
    case "refuse":
      await audit(ctx, provider, actor, input.purpose === "link" ? "login_provider.link_refused" : "sign_in.social.refused", {
        reason: decision.code,
        subject,
      });
      return { kind: "refused", code: decision.code };
    case "verify_email": {
      const token = await holdProviderSignIn(ctx, { kind: "verify", ...held });
      const rendered = emailVerificationEmail({
        verifyUrl: `${ctx.appUrl}/api/providers/verify?token=${encodeURIComponent(token)}`,
        reason: `You signed in with ${provider.name}. Confirm this email address to finish signing in.`,
      });
      await ctx.mailer.send({ ...rendered, to: profile.email!, template: "provider-email-verification" });
      await audit(ctx, provider, actor, "sign_in.social.verification_sent", { subject });
      return { kind: "verification_sent", email: profile.email! };
    }
    case "confirm_link":
      return { kind: "confirm_link", token: await holdProviderSignIn(ctx, { kind: "confirm", ...held, userId: decision.userId }) };
    case "link": {
      const linked = await linkIdentity(ctx, { provider, issuer, subject, email: profile.email, userId: decision.userId });
      if (!linked) return { kind: "refused", code: "linked_to_someone_else" };
      await audit(ctx, provider, actor, "login_provider.linked", { via: "signed_in_user", subject });
      return { kind: "linked", providerName: provider.name };
    }
    case "sign_in":
      return startSession(ctx, {
        provider,
        userId: decision.userId,
        email: profile.email,
        subject,
        callbackUrl: input.callbackUrl,
        request,
        provisioned: false,
      });
    case "provision": {
      const userId = await provisionSocialUser(ctx, { provider, email: profile.email!, name: profile.name ?? "", issuer, subject });
      if (!userId) {
        // A concurrent first sign-in of the same subject provisioned the user a moment ago: that link,
        // keyed by the subject, is this person's. Anyone else who took the email is never attached to.
        const winner = await linkedUserId(ctx, { provider, issuer, subject });
        if (!winner) return { kind: "refused", code: "flow_stale" };
        return startSession(ctx, { provider, userId: winner, email: profile.email, subject, callbackUrl: input.callbackUrl, request, provisioned: false });
      }
      await audit(ctx, provider, { ...actor, userId }, "user.provisioned", { via: "login_provider", subject });
      return startSession(ctx, { provider, userId, email: profile.email, subject, callbackUrl: input.callbackUrl, request, provisioned: true });
    }
  }
}

/** Links (provider, issuer, subject) to the user; false when it, or this provider, is already linked otherwise. */
async function linkIdentity(
  ctx: SsoContext,
  input: { provider: LoginProvider; issuer: string; subject: string; email: string | null; userId: string },
): Promise<boolean> {
  const [inserted] = await ctx.db
    .insert(loginProviderIdentities)
    .values({ providerId: input.provider.id, issuer: input.issuer, subject: input.subject, userId: input.userId, email: input.email })
    .onConflictDoNothing()
    .returning({ id: loginProviderIdentities.id });
  if (inserted) return true;
  return (await linkedUserId(ctx, input)) === input.userId;
}

/** The user (provider, issuer, subject) is linked to, if any. */
async function linkedUserId(ctx: SsoContext, input: { provider: Pick<LoginProvider, "id">; issuer: string; subject: string }): Promise<string | null> {
  const [existing] = await ctx.db
    .select({ userId: loginProviderIdentities.userId })
    .from(loginProviderIdentities)
    .where(
      and(
        eq(loginProviderIdentities.providerId, input.provider.id),
        eq(loginProviderIdentities.issuer, input.issuer),
        eq(loginProviderIdentities.subject, input.subject),
      ),
    )
    .limit(1);
  return existing?.userId ?? null;
}

/** The enforcement policy has the last word; then a session whose method is `social`. */
async function startSession(
  ctx: SsoContext,
  input: {
    provider: LoginProvider;
    userId: string;
    email: string | null;
    subject: string;
    callbackUrl: string | null;
    request: RequestInfo;
    provisioned: boolean;
  },
): Promise<ProviderOutcome> {
  const actor = { userId: input.userId, label: input.email ?? "unknown", ip: input.request.ip };
  const policy = await checkSignInMethod(ctx, { userId: input.userId, method: "social" });
  if (!policy.allowed) {
    await audit(ctx, input.provider, actor, "sign_in.social.refused", { reason: "sso_required", subject: input.subject }, true);
    const [user] = await ctx.db.select({ email: users.email }).from(users).where(eq(users.id, input.userId)).limit(1);
    const account = policy.ssoAccounts[0];
    if (account) return { kind: "sso_required", message: policy.message, accountSlug: account.slug, email: user?.email ?? "" };
    return { kind: "refused", code: "provider_unavailable" };
  }
  await ctx.db
    .update(loginProviderIdentities)
    .set({ lastSignInAt: new Date(), ...(input.email ? { email: input.email } : {}) })
    .where(and(eq(loginProviderIdentities.providerId, input.provider.id), eq(loginProviderIdentities.userId, input.userId)));
  // The provider proved its own login, not our second factor: an enrolled user, or one an account
  // requires MFA of, owes the same step as after a password (a remembered browser skips the code).
  const mfaStep = await mfaStepForSignIn(ctx, { userId: input.userId, rememberedDeviceToken: input.request.rememberedDeviceToken ?? null, actor });
  const sessionId = await createSession(ctx, {
    userId: input.userId,
    method: "social",
    grantedAccountIds: policy.grantedAccountIds,
    mfaStep,
    ip: input.request.ip,
    userAgent: input.request.userAgent,
  });
  await audit(ctx, input.provider, actor, "sign_in.social.succeeded", { provisioned: input.provisioned, subject: input.subject, mfaPending: mfaStep !== null });
  return { kind: "signed_in", sessionId, redirectTo: input.callbackUrl ?? "/", mfaPending: mfaStep !== null };
}

/**
 * A sign-in of a known user goes into each of their accounts' logs (a social sign-in opens them
 * all, as MFA events do); before we know who it is, for other steps, or for a refusal core already
 * logged in each enforcing account (`onlyOnce`), it is logged once without an account.
 */
function audit(
  ctx: SsoContext,
  provider: LoginProvider,
  actor: { userId: string | null; label: string; ip: string | null },
  action: string,
  metadata: Record<string, unknown>,
  onlyOnce = false,
) {
  const event = { actor, action, target: { type: "login_provider", id: provider.id, label: provider.name }, metadata };
  if (!onlyOnce && actor.userId && action.startsWith("sign_in.social.")) return recordUserAuditEvent(ctx.db, actor.userId, event);
  return recordAuditEvent(ctx.db, { accountId: null, ...event });
}

/** What the confirmation screen shows for a held link (nothing is used up). */
export async function describeProviderConfirmation(ctx: Pick<SsoContext, "db">, token: string): Promise<{ providerName: string; email: string } | null> {
  const held = await peekProviderHold(ctx, "confirm", token);
  if (!held) return null;
  const [provider] = await ctx.db.select({ name: loginProviders.name }).from(loginProviders).where(eq(loginProviders.id, held.providerId)).limit(1);
  return provider ? { providerName: provider.name, email: held.email } : null;
}
