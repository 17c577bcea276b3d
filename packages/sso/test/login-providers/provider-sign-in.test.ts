import { describe, expect, it } from "vitest";
import { accounts, and, auditEvents, count, eq, inArray, loginProviderIdentities, sessions, users } from "@gatehouse/db";
import { ensureAccount, ensureMember, loadMfaChallenge, resolveSession, setStaff } from "@gatehouse/core";
import { addTestUser } from "@gatehouse/idp-sandbox";
import { Browser, loginForm } from "@gatehouse/testing/browser";
import {
  completeProviderCallback,
  confirmProviderLink,
  providerCallbackUrl,
  saveLoginProvider,
  setFederatedLogin,
  setLoginProviderEnabled,
  startProviderFlow,
  type LoginProviderInput,
} from "../../src";
import { provisionSocialUser } from "../../src/login-providers/provision-social-user";
import { useSsoStack } from "../flows/harness";

const stack = useSsoStack();
const request = { ip: "127.0.0.1", userAgent: "vitest" };

async function makeProvider(identifier: string, overrides: Partial<LoginProviderInput> = {}) {
  const ops = await ensureAccount(stack.ctx.db, { name: "Ops", slug: "ops" });
  const staff = await ensureMember(stack.ctx.db, { accountId: ops.id, email: "ops@gatehouse.test", name: "Ops", role: "admin" });
  await setStaff(stack.ctx.db, staff.email, true);
  const actor = { userId: staff.id, label: staff.email, ip: null };
  const client = await stack.sandbox.createOidcClient("google", {
    redirectUris: [providerCallbackUrl(stack.ctx.appUrl, identifier)],
    tokenEndpointAuthMethod: "client_secret_basic",
  });
  const saved = await saveLoginProvider(stack.ctx, {
    actor,
    providerId: null,
    values: {
      identifier,
      name: `Google ${identifier}`,
      description: "",
      issuer: stack.sandbox.oidcIssuer("google"),
      clientId: client.client_id,
      clientSecret: client.client_secret ?? "",
      tokenEndpointAuthMethod: "client_secret_basic",
      scopes: "openid profile email",
      provisioningMode: "auto_provision",
      allowedDomains: [],
      emailTrust: "verify_with_claim",
      attributeMapping: {
        username: "preferred_username",
        email: "email",
        name: "name",
        picture: "picture",
        website: "website",
        company: "company",
        locale: "locale",
      },
      buttonText: "",
      displayOrder: 0,
      ...overrides,
    },
  });
  if (!saved.ok) throw new Error(saved.error);
  await setLoginProviderEnabled(stack.ctx, { actor, providerId: saved.value.id, enabled: true });
  await setFederatedLogin(stack.ctx, { actor, enabled: true });
  return saved.value;
}

/** Browser A starts a sign-in and signs in at the sandbox; returns the callback URL and A's flow secret. */
async function callbackFromBrowserA(identifier: string, email: string) {
  const started = await startProviderFlow(stack.ctx, { identifier, purpose: "sign_in", actorUserId: null, callbackUrl: "/", browserSecret: null });
  if (!started.ok) throw new Error(started.error);
  const browser = new Browser();
  const form = loginForm(await browser.follow(started.value.redirectUrl));
  const back = await browser.follow(form.action, { form: { ...form.hidden, email } }, providerCallbackUrl(stack.ctx.appUrl, identifier));
  return { url: new URL(back.location!), browserSecret: started.value.browserSecret };
}

/** The browser that started a provider sign-in, signed out, finishes it at the callback. */
function finishSignedOut(identifier: string, browser: { url: URL; browserSecret: string }) {
  return completeProviderCallback(stack.ctx, { identifier, url: browser.url, browserSecret: browser.browserSecret, request, signedInUserId: null });
}

/** A member with a login at `email`, and browser A back from the provider with that email: the callback's outcome. */
async function existingMemberSignsIn(tag: string, email: string) {
  const provider = await makeProvider(tag);
  const account = await ensureAccount(stack.ctx.db, { name: "Acme", slug: `acme-${tag}` });
  const member = await ensureMember(stack.ctx.db, { accountId: account.id, email, name: "Member", role: "member", password: `${tag}-password-1` });
  addTestUser({ email });
  const a = await callbackFromBrowserA(provider.identifier, email);
  const outcome = await finishSignedOut(provider.identifier, a);
  return { account, member, outcome };
}

const sessionsOf = async (email: string) => {
  const [user] = await stack.ctx.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!user) return 0;
  const [row] = await stack.ctx.db.select({ n: count() }).from(sessions).where(eq(sessions.userId, user.id));
  return row!.n;
};

describe("login-provider sign-in", () => {
  it("completes only in the browser that started it (login CSRF), and only through its own provider", async () => {
    const provider = await makeProvider("csrf");
    const other = await makeProvider("other");
    addTestUser({ email: "victim-flow@example.test" });
    const a = await callbackFromBrowserA(provider.identifier, "victim-flow@example.test");

    expect(
      await completeProviderCallback(stack.ctx, { identifier: provider.identifier, url: a.url, browserSecret: null, request, signedInUserId: null }),
    ).toEqual({ kind: "refused", code: "other_browser" });
    expect(
      await completeProviderCallback(stack.ctx, { identifier: provider.identifier, url: a.url, browserSecret: "x".repeat(43), request, signedInUserId: null }),
    ).toEqual({ kind: "refused", code: "other_browser" });
    // The state of one provider's flow means nothing at another provider's callback.
    expect(await finishSignedOut(other.identifier, a)).toEqual({ kind: "refused", code: "flow_stale" });
    expect(await sessionsOf("victim-flow@example.test")).toBe(0);

    const finished = await finishSignedOut(provider.identifier, a);
    expect(finished.kind).toBe("signed_in");
    const [session] = await stack.ctx.db
      .select()
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(users.email, "victim-flow@example.test"));
    expect(session!.sessions.method).toBe("social");
    // Used once: a replay by the same browser is stale.
    expect(await finishSignedOut(provider.identifier, a)).toEqual({ kind: "refused", code: "flow_stale" });
  });

  it("never links an existing login on an email match alone: it asks for confirmation and links nothing yet", async () => {
    const { member: existing, outcome } = await existingMemberSignsIn("nosilent", "existing@example.test");
    expect(outcome.kind).toBe("confirm_link");
    expect(await stack.ctx.db.select().from(loginProviderIdentities).where(eq(loginProviderIdentities.userId, existing.id))).toHaveLength(0);
    expect(await sessionsOf("existing@example.test")).toBe(0);
  });

  it("confirming a link attaches to the login the decision chose, not to whoever has the email by then", async () => {
    const { account, member: first, outcome } = await existingMemberSignsIn("swap", "swap@example.test");
    if (outcome.kind !== "confirm_link") throw new Error(JSON.stringify(outcome));
    // Before the person confirms, the email moves to another login.
    await stack.ctx.db.update(users).set({ email: "first-moved@example.test" }).where(eq(users.id, first.id));
    const second = await ensureMember(stack.ctx.db, {
      accountId: account.id,
      email: "swap@example.test",
      name: "Second",
      role: "member",
      password: "second-password-1",
    });
    expect(await confirmProviderLink(stack.ctx, { token: outcome.token, request })).toEqual({ kind: "refused", code: "flow_stale" });
    expect(await stack.ctx.db.select().from(loginProviderIdentities).where(eq(loginProviderIdentities.userId, second.id))).toHaveLength(0);
    expect(await sessionsOf("swap@example.test")).toBe(0);
  });

  it("a provider switched off refuses to start, and refuses a sign-in already under way", async () => {
    const provider = await makeProvider("switchoff");
    addTestUser({ email: "midflight@example.test" });
    const a = await callbackFromBrowserA(provider.identifier, "midflight@example.test");
    const [staff] = await stack.ctx.db.select().from(users).where(eq(users.email, "ops@gatehouse.test"));
    await setLoginProviderEnabled(stack.ctx, { actor: { userId: staff!.id, label: staff!.email, ip: null }, providerId: provider.id, enabled: false });
    expect(await finishSignedOut(provider.identifier, a)).toEqual({ kind: "refused", code: "provider_unavailable" });
    expect(
      await startProviderFlow(stack.ctx, { identifier: provider.identifier, purpose: "sign_in", actorUserId: null, callbackUrl: "/", browserSecret: null }),
    ).toEqual({ ok: false, error: "provider_unavailable" });
  });

  it("a member's social sign-ins appear in each of their accounts' audit logs", async () => {
    const provider = await makeProvider("peraccount");
    addTestUser({ email: "social-member@example.test" });
    const signInOnce = async () => {
      const a = await callbackFromBrowserA(provider.identifier, "social-member@example.test");
      const outcome = await finishSignedOut(provider.identifier, a);
      expect(outcome.kind).toBe("signed_in");
    };
    const eventsOf = async (userId: string) =>
      (
        await stack.ctx.db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.action, "sign_in.social.succeeded"), eq(auditEvents.actorUserId, userId)))
      ).map((e) => e.accountId);

    // Provisioned with no account yet: one deployment-level event.
    await signInOnce();
    const [user] = await stack.ctx.db.select().from(users).where(eq(users.email, "social-member@example.test"));
    expect(await eventsOf(user!.id)).toEqual([null]);

    const first = await ensureAccount(stack.ctx.db, { name: "First", slug: "first-social" });
    const second = await ensureAccount(stack.ctx.db, { name: "Second", slug: "second-social" });
    await ensureMember(stack.ctx.db, { accountId: first.id, email: user!.email, name: "Member", role: "member" });
    await ensureMember(stack.ctx.db, { accountId: second.id, email: user!.email, name: "Member", role: "admin" });
    await signInOnce();
    expect((await eventsOf(user!.id)).filter((id) => id !== null).sort()).toEqual([first.id, second.id].sort());
  });

  it("two first sign-ins of one new person at once both sign in, as one user with one link", async () => {
    const provider = await makeProvider("race");
    addTestUser({ email: "race-social@example.test" });
    const flows = [
      await callbackFromBrowserA(provider.identifier, "race-social@example.test"),
      await callbackFromBrowserA(provider.identifier, "race-social@example.test"),
    ];
    const outcomes = await Promise.all(flows.map((flow) => finishSignedOut(provider.identifier, flow)));
    expect(outcomes.map((o) => o.kind)).toEqual(["signed_in", "signed_in"]);
    const people = await stack.ctx.db.select({ id: users.id }).from(users).where(eq(users.email, "race-social@example.test"));
    expect(people).toHaveLength(1);
    const links = await stack.ctx.db.select().from(loginProviderIdentities).where(eq(loginProviderIdentities.providerId, provider.id));
    expect(links.map((l) => l.userId)).toEqual([people[0]!.id]);
    expect(await sessionsOf("race-social@example.test")).toBe(2);
  });

  it("two first sign-ins of one subject under two emails at once: one user, one link, no stray user", async () => {
    const provider = await makeProvider("race-emails");
    const issuer = stack.sandbox.oidcIssuer("google");
    const provision = (email: string) => provisionSocialUser(stack.ctx, { provider, email, name: "Racer", issuer, subject: "race-subject-1" });
    const results = await Promise.all([provision("race-one@example.test"), provision("race-two@example.test")]);
    const winners = results.filter((id): id is string => id !== null);
    expect(winners).toHaveLength(1);
    const links = await stack.ctx.db.select().from(loginProviderIdentities).where(eq(loginProviderIdentities.subject, "race-subject-1"));
    expect(links.map((l) => l.userId)).toEqual(winners);
    const people = await stack.ctx.db
      .select({ id: users.id })
      .from(users)
      .where(inArray(users.email, ["race-one@example.test", "race-two@example.test"]));
    expect(people.map((p) => p.id)).toEqual(winners);
  });

  it("a social sign-in owes the MFA step an account requires of the person, as a password sign-in does", async () => {
    const { account: strict, outcome: held } = await existingMemberSignsIn("mfa", "social-mfa@example.test");
    await stack.ctx.db.update(accounts).set({ requireMfa: true }).where(eq(accounts.id, strict.id));
    if (held.kind !== "confirm_link") throw new Error(`expected the link confirmation, got ${JSON.stringify(held)}`);
    const outcome = await confirmProviderLink(stack.ctx, { token: held.token, request });
    if (outcome.kind !== "signed_in") throw new Error(`expected a session, got ${JSON.stringify(outcome)}`);
    expect(outcome.mfaPending).toBe(true);
    // The session grants nothing until /login/mfa is done: here, setting up the app the account requires.
    expect(await resolveSession(stack.ctx, outcome.sessionId)).toBeNull();
    expect((await loadMfaChallenge(stack.ctx, outcome.sessionId))?.step).toBe("enrol");
  });

  it("only staff can add a provider", async () => {
    const account = await ensureAccount(stack.ctx.db, { name: "Plain", slug: "plain" });
    const admin = await ensureMember(stack.ctx.db, { accountId: account.id, email: "plain-admin@example.test", name: "Admin", role: "admin" });
    const result = await saveLoginProvider(stack.ctx, {
      actor: { userId: admin.id, label: admin.email, ip: null },
      providerId: null,
      values: {} as LoginProviderInput,
    });
    expect(result).toEqual({ ok: false, error: "Only Gatehouse staff can manage login providers." });
  });
});
