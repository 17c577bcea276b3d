import { describe, expect, it } from "vitest";
import { and, auditEvents, eq, memberships, sessions, ssoConnections, ssoResults, ssoSetupLinks, users } from "@gatehouse/db";
import { createSetupLink, ensureMember, revokeSetupLink } from "@gatehouse/core";
import { Browser, loginForm } from "@gatehouse/testing/browser";
import { completeOidcCallback, getConnection, ssoUrls, startSsoFlow, type FlowOutcome } from "../../src";
import { makeOidcConnection, useSsoStack } from "./harness";

// Issue 18: a setup link's recipient runs Authenticate. The round trip is real and its result
// counts like an admin's, but a flow started through a link never signs anyone in.

const stack = useSsoStack();
const request = { ip: "127.0.0.1", userAgent: "vitest" };
const RECIPIENT = "newhire@acme.test";
const MEMBER = "alice@acme.test";
const STRANGER = "bob@globex.test";

/** A JIT Okta connection, saved but not yet proven: JIT would create anyone a sign-in let through. */
async function makeUnprovenConnection(tag: string) {
  const { connection, ...team } = await makeOidcConnection(stack, tag, { extra: { provisioningMode: "jit" }, proven: false });
  // The recipient must be someone the sandbox IdP knows, and not a member.
  const link = await createSetupLink(stack.ctx, { accountId: team.account.id, email: RECIPIENT, actor: team.actor });
  if (!link.ok) throw new Error(link.error);
  return { ...team, linkId: link.value.linkId, recipient: RECIPIENT, connection };
}

/** Starts a flow (as the setup route would, or as an attacker might), signs in at the sandbox as `email`, and completes it. */
async function roundTrip(
  connection: Awaited<ReturnType<typeof makeUnprovenConnection>>["connection"],
  email: string,
  flow: { purpose: "sign_in" | "authenticate"; setupLinkId: string | null },
  beforeCallback?: () => Promise<void>,
): Promise<FlowOutcome> {
  const started = await startSsoFlow(stack.ctx, { connection, ...flow, callbackUrl: `/setup/${connection.id}` });
  if (!started.ok || !("redirectUrl" in started.value)) throw new Error(JSON.stringify(started));
  const browser = new Browser();
  const form = loginForm(await browser.follow(started.value.redirectUrl));
  const redirectUri = ssoUrls(stack.ctx.appUrl).oidcRedirectUri;
  const back = await browser.follow(form.action, { form: { ...form.hidden, email } }, redirectUri);
  await beforeCallback?.();
  return completeOidcCallback(stack.ctx, { url: new URL(back.location!), request, browserSecret: started.value.browserSecret });
}

async function sessionCountOf(email: string) {
  const rows = await stack.ctx.db.select({ id: sessions.idHash }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(users.email, email));
  return rows.length;
}

describe("Authenticate through a setup link", () => {
  it("records a passed Authenticate under the recipient, and creates no user, membership or session", async () => {
    const x = await makeUnprovenConnection("sla-pass");
    const outcome = await roundTrip(x.connection, x.recipient, { purpose: "authenticate", setupLinkId: x.linkId });
    expect(outcome).toMatchObject({ kind: "result_recorded", purpose: "authenticate", ok: true, setupLinkId: x.linkId, connectionId: x.connection.id });

    const [connection] = await stack.ctx.db.select().from(ssoConnections).where(eq(ssoConnections.id, x.connection.id));
    expect(connection!.verifiedAt).not.toBeNull();
    const results = await stack.ctx.db.select().from(ssoResults).where(eq(ssoResults.connectionId, x.connection.id));
    expect(results.map((r) => r.summary)).toEqual([
      expect.objectContaining({ purpose: "authenticate", ok: true, email: x.recipient, byUserEmail: `${x.recipient} via setup link` }),
    ]);
    const [audit] = await stack.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, x.account.id), eq(auditEvents.action, "sso.authenticate.succeeded")));
    expect(audit).toMatchObject({ actorLabel: `${x.recipient} via setup link`, actorUserId: null, targetId: x.connection.id });

    expect(await stack.ctx.db.select().from(users).where(eq(users.email, x.recipient))).toEqual([]);
    expect(await stack.ctx.db.select().from(memberships).where(eq(memberships.accountId, x.account.id))).toHaveLength(2);
  });

  it("needs the recipient's own email back from the IdP: signing in there as a member proves nothing and signs no one in", async () => {
    const x = await makeUnprovenConnection("sla-member");
    await ensureMember(stack.ctx.db, { accountId: x.account.id, email: MEMBER, name: "Alice", role: "admin" });
    const outcome = await roundTrip(x.connection, MEMBER, { purpose: "authenticate", setupLinkId: x.linkId });
    expect(outcome).toMatchObject({ kind: "result_recorded", ok: false, summary: { reason: expect.stringMatching(/does not match/) } });
    expect(await sessionCountOf(MEMBER)).toBe(0);
    expect((await getConnection(stack.ctx.db, x.account.id, x.connection.id))!.verifiedAt).toBeNull();
  });

  it("attack: a link-started flow turned into a sign-in is refused, with no session, user or membership", async () => {
    const x = await makeUnprovenConnection("sla-attack");
    await stack.ctx.db.update(ssoConnections).set({ enabled: true }).where(eq(ssoConnections.id, x.connection.id));
    // A member the connection would sign in, and a stranger JIT would provision.
    await ensureMember(stack.ctx.db, { accountId: x.account.id, email: MEMBER, name: "Alice", role: "member" });
    for (const email of [MEMBER, STRANGER, x.recipient]) {
      const outcome = await roundTrip(x.connection, email, { purpose: "sign_in", setupLinkId: x.linkId });
      expect(outcome).toMatchObject({ kind: "refused", code: "setup_link_flow" });
      expect(await sessionCountOf(email)).toBe(0);
    }
    expect(await stack.ctx.db.select().from(users).where(eq(users.email, STRANGER))).toEqual([]);
    const refusals = await stack.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, x.account.id), eq(auditEvents.action, "sso.setup_link_authenticate_refused")));
    expect(refusals.map((r) => r.metadata)).toEqual(Array(3).fill({ reason: "setup_link_flow", purpose: "sign_in" }));
  });

  it("refuses a flow whose link was revoked meanwhile, or that names another account's connection", async () => {
    const x = await makeUnprovenConnection("sla-revoked");
    const revoked = await roundTrip(x.connection, x.recipient, { purpose: "authenticate", setupLinkId: x.linkId }, async () => {
      expect((await revokeSetupLink(stack.ctx, { accountId: x.account.id, linkId: x.linkId, actor: x.actor })).ok).toBe(true);
    });
    expect(revoked).toMatchObject({ kind: "refused", code: "setup_link_flow", message: expect.stringMatching(/revoked/) });

    const other = await makeUnprovenConnection("sla-other");
    const crossed = await roundTrip(other.connection, other.recipient, { purpose: "authenticate", setupLinkId: x.linkId });
    expect(crossed).toMatchObject({ kind: "refused", code: "setup_link_flow" });
    const [link] = await stack.ctx.db.select().from(ssoSetupLinks).where(eq(ssoSetupLinks.id, x.linkId));
    expect(link!.accountId).toBe(x.account.id);
    expect((await getConnection(stack.ctx.db, other.account.id, other.connection.id))!.verifiedAt).toBeNull();
  });
});
