import { describe, expect, it } from "vitest";
import { accountDomains, and, eq, memberships, ssoConnections, ssoIdentities, users } from "@gatehouse/db";
import { ensureAccount, ensureMember } from "@gatehouse/core";
import { completeSamlCallback, getConnection, handleSamlAcs, startSsoFlow, type FlowOutcome } from "../../src";
import { finishSignIn } from "../../src/flows/finish-sign-in";
import { makeOidcConnection, makeSamlConnection, readAuthnRequest, useSsoStack } from "./harness";

// Issue 13: SAML's default email trust, "the account's verified domains", and first-time linking of
// an existing user through a verified domain, through the real sandbox IdP and Jackson. Plus the
// Google plus-addressing rule, driven with the claims Google would send.

const stack = useSsoStack();
const request = { ip: "127.0.0.1", userAgent: "vitest" };

async function verifiedSamlAccount(tag: string, provisioningMode: "match" | "jit" = "match") {
  const setup = await makeSamlConnection(stack, tag, { provisioningMode });
  await stack.ctx.db.update(ssoConnections).set({ emailTrust: "verified_domains" }).where(eq(ssoConnections.id, setup.connection.id));
  await stack.ctx.db
    .insert(accountDomains)
    .values({ accountId: setup.account.id, domain: `${tag}.test`, status: "verified", verificationToken: "t", verifiedAt: new Date() });
  return { ...setup, connection: (await getConnection(stack.ctx.db, setup.account.id, setup.connection.id))! };
}

async function samlSignIn(setup: Awaited<ReturnType<typeof verifiedSamlAccount>>, email: string): Promise<FlowOutcome> {
  const started = await startSsoFlow(stack.ctx, { connection: setup.connection, purpose: "sign_in" });
  if (!started.ok || !("redirectUrl" in started.value)) throw new Error(`start failed: ${JSON.stringify(started)}`);
  const { id, relayState } = readAuthnRequest(started.value.redirectUrl);
  const acs = await handleSamlAcs(stack.ctx, { samlResponse: stack.sandbox.buildSamlResponse(setup.app.id, { email, inResponseTo: id }), relayState });
  if (acs.kind !== "redirect") throw new Error(`unexpected ${acs.kind}`);
  return completeSamlCallback(stack.ctx, { url: new URL(acs.url), request, browserSecret: started.value.browserSecret });
}

const sentTo = (email: string) => stack.smtp.messages().filter((m) => m.to.includes(email));
const identityOf = async (connectionId: string, userId: string) =>
  (
    await stack.ctx.db
      .select()
      .from(ssoIdentities)
      .where(and(eq(ssoIdentities.connectionId, connectionId), eq(ssoIdentities.userId, userId)))
  )[0] ?? null;
const isMember = async (accountId: string, userId: string) =>
  (
    await stack.ctx.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.accountId, accountId), eq(memberships.userId, userId)))
  ).length === 1;

describe("email trust: the account's verified domains", () => {
  it("a member on the verified domain signs in without a verification email", async () => {
    const setup = await verifiedSamlAccount("vd-ok");
    const outcome = await samlSignIn(setup, setup.member.email);
    expect(outcome.kind).toBe("signed_in");
    expect(sentTo(setup.member.email)).toEqual([]);
    expect(await identityOf(setup.connection.id, setup.member.id)).toMatchObject({ email: "member@vd-ok.test" });
  });

  it("a member on another domain must prove the email first", async () => {
    const setup = await verifiedSamlAccount("vd-other");
    const elsewhere = await ensureMember(stack.ctx.db, { accountId: setup.account.id, email: "max@elsewhere-vd.test", name: "Max", role: "member" });
    const outcome = await samlSignIn(setup, elsewhere.email);
    expect(outcome).toEqual({ kind: "verification_sent", email: "max@elsewhere-vd.test" });
    const email = await stack.smtp.waitForEmail({ to: "max@elsewhere-vd.test" });
    expect(email.links.length).toBeGreaterThan(0);
    expect(await identityOf(setup.connection.id, elsewhere.id)).toBeNull();
  });

  it("a pending (unverified) domain is not trusted", async () => {
    const setup = await makeSamlConnection(stack, "vd-pending");
    await stack.ctx.db.update(ssoConnections).set({ emailTrust: "verified_domains" }).where(eq(ssoConnections.id, setup.connection.id));
    await stack.ctx.db.insert(accountDomains).values({ accountId: setup.account.id, domain: "vd-pending.test", status: "pending", verificationToken: "t" });
    const connection = (await getConnection(stack.ctx.db, setup.account.id, setup.connection.id))!;
    expect(await samlSignIn({ ...setup, connection }, setup.member.email)).toEqual({ kind: "verification_sent", email: setup.member.email });
  });
});

describe("first-time linking through a verified domain", () => {
  it("links an existing user outside the account whose email is on the verified domain", async () => {
    const setup = await verifiedSamlAccount("vd-link", "jit");
    const elsewhere = await ensureAccount(stack.ctx.db, { name: "Elsewhere", slug: "elsewhere-vd-link" });
    const outsider = await ensureMember(stack.ctx.db, {
      accountId: elsewhere.id,
      email: "ola@vd-link.test",
      name: "Ola",
      role: "member",
      password: "ola-password",
    });
    const outcome = await samlSignIn(setup, outsider.email);
    expect(outcome.kind).toBe("signed_in");
    expect(await identityOf(setup.connection.id, outsider.id)).toMatchObject({ email: "ola@vd-link.test" });
    expect(await isMember(setup.account.id, outsider.id)).toBe(true);
    // Still one user: the identity attached to the existing login, no duplicate was created.
    expect(await stack.ctx.db.select().from(users).where(eq(users.email, "ola@vd-link.test"))).toHaveLength(1);
  });

  it("with a match-only connection, links and signs in without adding the person to the account", async () => {
    const setup = await verifiedSamlAccount("vd-match");
    const elsewhere = await ensureAccount(stack.ctx.db, { name: "Elsewhere m", slug: "elsewhere-vd-match" });
    const outsider = await ensureMember(stack.ctx.db, {
      accountId: elsewhere.id,
      email: "ola@vd-match.test",
      name: "Ola",
      role: "member",
      password: "ola-password",
    });
    expect((await samlSignIn(setup, outsider.email)).kind).toBe("signed_in");
    expect(await identityOf(setup.connection.id, outsider.id)).toMatchObject({ email: "ola@vd-match.test" });
    expect(await isMember(setup.account.id, outsider.id)).toBe(false);
  });

  it("refuses an existing user outside the account on a domain the account has not verified", async () => {
    const setup = await verifiedSamlAccount("vd-refuse", "jit");
    const elsewhere = await ensureAccount(stack.ctx.db, { name: "Elsewhere 2", slug: "elsewhere-vd-refuse" });
    const stranger = await ensureMember(stack.ctx.db, {
      accountId: elsewhere.id,
      email: "sam@not-verified-vd.test",
      name: "Sam",
      role: "admin",
      password: "sam-password",
    });
    const outcome = await samlSignIn(setup, stranger.email);
    expect(outcome).toMatchObject({ kind: "refused", code: "existing_user_outside_account" });
    expect(await identityOf(setup.connection.id, stranger.id)).toBeNull();
    expect(await isMember(setup.account.id, stranger.id)).toBe(false);
  });
});

describe("Google plus-addressing", () => {
  const signInFlow = { purpose: "sign_in" as const, actorUserId: null, testId: null, callbackUrl: "/", observations: null };

  const googleConnection = (tag: string) =>
    makeOidcConnection(stack, tag, { provider: "google", extra: { provisioningMode: "match", googleHostedDomain: `${tag}.test` } });
  const googleClaims = (sub: string, email: string) => ({ iss: "https://accounts.google.test", sub, email, email_verified: true, hd: email.split("@")[1] });

  it("ami@ reaches the member ami+cio@ with Google", async () => {
    const team = await googleConnection("gplus");
    const ami = await ensureMember(stack.ctx.db, { accountId: team.account.id, email: "ami+cio@gplus.test", name: "Ami", role: "member" });
    const outcome = await finishSignIn(stack.ctx, { flow: signInFlow, connection: team.connection, claims: googleClaims("g-ami", "ami@gplus.test"), request });
    expect(outcome.kind).toBe("signed_in");
    expect(await identityOf(team.connection.id, ami.id)).toMatchObject({ subject: "g-ami" });
  });

  it("never reaches a plus-addressed user outside the account", async () => {
    const team = await googleConnection("gplus-out");
    const elsewhere = await ensureAccount(stack.ctx.db, { name: "Elsewhere 3", slug: "elsewhere-gplus" });
    const outsider = await ensureMember(stack.ctx.db, {
      accountId: elsewhere.id,
      email: "bo+x@gplus-out.test",
      name: "Bo",
      role: "admin",
      password: "bo-password",
    });
    const outcome = await finishSignIn(stack.ctx, {
      flow: signInFlow,
      connection: team.connection,
      claims: googleClaims("g-bo", "bo@gplus-out.test"),
      request,
    });
    expect(outcome).toMatchObject({ kind: "refused", code: "not_a_member" });
    expect(await identityOf(team.connection.id, outsider.id)).toBeNull();
  });

  it("matches exactly with every other provider", async () => {
    const setup = await verifiedSamlAccount("vd-plus");
    const tagged = await ensureMember(stack.ctx.db, { accountId: setup.account.id, email: "ami+cio@vd-plus.test", name: "Ami", role: "member" });
    const outcome = await samlSignIn(setup, "ami@vd-plus.test");
    expect(outcome).toMatchObject({ kind: "refused", code: "not_a_member" });
    expect(await identityOf(setup.connection.id, tagged.id)).toBeNull();
  });
});
