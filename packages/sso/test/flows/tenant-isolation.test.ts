import { describe, expect, it } from "vitest";
import { and, auditEvents, eq, memberships, scimDirectories, scimUsers, ssoIdentities, users } from "@gatehouse/db";
import { ensureAccount, ensureMember, resolveSession } from "@gatehouse/core";
import { Browser, loginForm } from "@gatehouse/testing/browser";
import { completeOidcCallback, ssoUrls, startSsoFlow, type SsoContext } from "../../src";
import { finishSignIn } from "../../src/flows/finish-sign-in";
import { makeOidcConnection, useSsoStack } from "./harness";

// One account's IdP may vouch only for that account (issue 12, item 1). The headline attack runs
// through the real sandbox IdP; the linking rules are then driven with the claims an IdP would send.

const stack = useSsoStack();
const request = { ip: "127.0.0.1", userAgent: "vitest" };
const signInFlow = { purpose: "sign_in" as const, actorUserId: null, testId: null, callbackUrl: "/", observations: null };

const oidcConnection = (tag: string, provisioningMode: "match" | "jit") => makeOidcConnection(stack, tag, { extra: { provisioningMode, jitRole: "admin" } });

async function signInAtSandbox(ctx: SsoContext, connection: Awaited<ReturnType<typeof oidcConnection>>["connection"], email: string) {
  const started = await startSsoFlow(ctx, { connection, purpose: "sign_in" });
  if (!started.ok || !("redirectUrl" in started.value)) throw new Error(JSON.stringify(started));
  const browser = new Browser();
  const form = loginForm(await browser.follow(started.value.redirectUrl));
  const redirectUri = ssoUrls(ctx.appUrl).oidcRedirectUri;
  const back = await browser.follow(form.action, { form: { ...form.hidden, email } }, redirectUri);
  return completeOidcCallback(ctx, { url: new URL(back.location!), request, browserSecret: started.value.browserSecret });
}

const claimsFor = (sub: string, email: string) => ({ iss: "https://idp.tenant.test", sub, email, email_verified: true });

async function membershipOf(accountId: string, email: string) {
  const [row] = await stack.ctx.db
    .select({ role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.accountId, accountId), eq(users.email, email)));
  return row ?? null;
}

describe("tenant isolation of SSO identities", () => {
  it("another account's IdP with JIT cannot sign in an existing user of a different account (the reported attack)", async () => {
    // Acme's admin is admin@acme.test, which the sandbox IdP will happily assert for anyone's client.
    const acme = await ensureAccount(stack.ctx.db, { name: "Acme ti", slug: "acme-ti" });
    const acmeAdmin = await ensureMember(stack.ctx.db, {
      accountId: acme.id,
      email: "admin@acme.test",
      name: "Ada",
      role: "admin",
      password: "acme-admin-password",
    });
    const globex = await oidcConnection("globex-ti", "jit");

    const outcome = await signInAtSandbox(stack.ctx, globex.connection, "admin@acme.test");

    expect(outcome).toMatchObject({ kind: "refused", message: "This person already has a login here; invite them to the account instead." });
    expect(await membershipOf(globex.account.id, "admin@acme.test")).toBeNull();
    expect(await stack.ctx.db.select().from(ssoIdentities).where(eq(ssoIdentities.userId, acmeAdmin.id))).toEqual([]);
    const [audit] = await stack.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, globex.account.id), eq(auditEvents.action, "sign_in.sso.refused")));
    expect(audit?.metadata).toMatchObject({ code: "existing_user_outside_account" });
  });

  it("a user in two accounts signed in through one account's IdP gets that account only", async () => {
    const globex = await oidcConnection("globex-two", "match");
    const acme = await ensureAccount(stack.ctx.db, { name: "Acme two", slug: "acme-two" });
    await ensureMember(stack.ctx.db, { accountId: acme.id, email: "alice@acme.test", name: "Alice", role: "admin" });
    await ensureMember(stack.ctx.db, { accountId: globex.account.id, email: "alice@acme.test", name: "Alice", role: "member" });

    const outcome = await signInAtSandbox(stack.ctx, globex.connection, "alice@acme.test");
    expect(outcome.kind).toBe("signed_in");
    const session = await resolveSession(stack.ctx, (outcome as { sessionId: string }).sessionId);
    expect(session?.activeAccount).toMatchObject({ id: globex.account.id, role: "member" });
    expect(session?.accounts.find((a) => a.id === acme.id)).toMatchObject({ granted: false });
  });

  it("an identity stays with its user when the IdP later asserts another member's email", async () => {
    const team = await oidcConnection("email-change", "match");
    const first = await finishSignIn(stack.ctx, { flow: signInFlow, connection: team.connection, claims: claimsFor("subject-1", team.member.email), request });
    expect(first.kind).toBe("signed_in");

    const renamed = await finishSignIn(stack.ctx, { flow: signInFlow, connection: team.connection, claims: claimsFor("subject-1", team.admin.email), request });
    expect(renamed.kind).toBe("signed_in");
    const session = await resolveSession(stack.ctx, (renamed as { sessionId: string }).sessionId);
    expect(session?.user.email).toBe(team.member.email);
    expect(session?.activeAccount?.role).toBe("member");
  });

  it("a different subject asserting an already-linked email is refused and audited", async () => {
    const team = await oidcConnection("second-subject", "jit");
    expect(
      (await finishSignIn(stack.ctx, { flow: signInFlow, connection: team.connection, claims: claimsFor("original", team.admin.email), request })).kind,
    ).toBe("signed_in");

    const impostor = await finishSignIn(stack.ctx, { flow: signInFlow, connection: team.connection, claims: claimsFor("impostor", team.admin.email), request });
    expect(impostor).toMatchObject({ kind: "refused", message: `${team.admin.email} already signs in here with another account at this identity provider.` });
    const audits = await stack.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, team.account.id), eq(auditEvents.action, "sign_in.sso.refused")));
    expect(audits.map((a) => a.metadata)).toContainEqual(expect.objectContaining({ code: "email_linked_to_other_identity", subject: "impostor" }));
  });

  it("a sign-in without a subject is refused, whatever email it carries", async () => {
    const team = await oidcConnection("no-subject", "match");
    const outcome = await finishSignIn(stack.ctx, {
      flow: signInFlow,
      connection: team.connection,
      claims: { email: team.member.email, email_verified: true },
      request,
    });
    expect(outcome).toMatchObject({ kind: "refused", message: expect.stringContaining("sent no subject") });
  });

  it("JIT still creates new users, keyed by their subject", async () => {
    const team = await oidcConnection("jit-new", "jit");
    const outcome = await finishSignIn(stack.ctx, {
      flow: signInFlow,
      connection: team.connection,
      claims: claimsFor("newcomer-sub", "newcomer@jit-new.test"),
      request,
    });
    expect(outcome.kind).toBe("signed_in");
    expect(await membershipOf(team.account.id, "newcomer@jit-new.test")).toEqual({ role: "admin" });
    const [identity] = await stack.ctx.db.select().from(ssoIdentities).where(eq(ssoIdentities.subject, "newcomer-sub"));
    expect(identity).toMatchObject({ issuer: "https://idp.tenant.test", email: "newcomer@jit-new.test" });
  });

  it("an internal error reaches neither the person nor the audit log as text", async () => {
    const team = await oidcConnection("internal-error", "match");
    const outcome = await finishSignIn(stack.ctx, {
      flow: signInFlow,
      connection: team.connection,
      claims: null,
      failure: "Cannot read properties of undefined (reading 'toString')",
      request,
    });
    expect(outcome).toMatchObject({ kind: "refused", message: "The sign-in failed because of an unexpected error." });
    const audits = await stack.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, team.account.id), eq(auditEvents.action, "sign_in.sso.refused")));
    expect(JSON.stringify(audits.map((a) => a.metadata))).not.toContain("Cannot read properties");
  });

  it("the account's SCIM directory links its user by externalId = IdP subject, before any email matching", async () => {
    const team = await oidcConnection("scim-link", "match");
    const [directory] = await stack.ctx.db.insert(scimDirectories).values({ accountId: team.account.id, connectionId: team.connection.id }).returning();
    await stack.ctx.db
      .insert(scimUsers)
      .values({ directoryId: directory!.id, userId: team.member.id, userName: team.member.email, externalId: "00u-scim-subject", resource: {} });
    // The IdP asserts the admin's email for this subject: the directory's word (subject → member) wins.
    const outcome = await finishSignIn(stack.ctx, {
      flow: signInFlow,
      connection: team.connection,
      claims: claimsFor("00u-scim-subject", team.admin.email),
      request,
    });
    const session = await resolveSession(stack.ctx, (outcome as { sessionId: string }).sessionId);
    expect(session?.user.email).toBe(team.member.email);
  });
});
