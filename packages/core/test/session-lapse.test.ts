import { describe, expect, it } from "vitest";
import { accountDomains, accounts, and, auditEvents, eq, invites, memberships, sessions } from "@gatehouse/db";
import {
  acceptInvite,
  checkSignInMethod,
  createSession,
  endLapsedSsoExemptions,
  ensureAccount,
  ensureMember,
  hashToken,
  joinAccountThroughDomain,
  resolveSession,
  setMemberSsoExemption,
  updateSecuritySettings,
} from "../src";
import type { CoreContext } from "../src/context";
import { accountWithConnection, PASSWORD } from "./enforcement-fixture";
import { useCoreContext } from "./harness";

const env = useCoreContext();
/** The test context at a fixed moment; read lazily, as the database exists only once the suite runs. */
const at = (iso: string): CoreContext => ({
  get db() {
    return env.db;
  },
  get mailer() {
    return env.ctx.mailer;
  },
  appUrl: "http://app.test",
  now: () => new Date(iso),
});

const setup = (tag: string) => accountWithConnection(env.db, tag);

/** An account that requires SSO, its admin exempt with no end date (the interlock wants one). */
async function enforcingAccount(tag: string) {
  const s = await setup(tag);
  await setMemberSsoExemption(env.ctx, { accountId: s.account.id, actor: s.actor, userId: s.admin.id, exempt: true, until: null });
  const switched = await updateSecuritySettings(env.ctx, {
    accountId: s.account.id,
    actor: s.actor,
    authRequired: "sso",
    requireMfa: false,
    confirmation: s.account.slug,
  });
  expect(switched.ok).toBe(true);
  return s;
}

/** A password sign-in as the login does it: the policy decides what the session grants. */
async function passwordSignIn(ctx: CoreContext, userId: string) {
  const policy = await checkSignInMethod(ctx, { userId, method: "password" });
  if (!policy.allowed) throw new Error(policy.message);
  return createSession(ctx, { userId, method: "password", grantedAccountIds: policy.grantedAccountIds });
}

const grantedIds = async (ctx: CoreContext, sid: string) => ((await resolveSession(ctx, sid))?.accounts ?? []).filter((a) => a.granted).map((a) => a.id);
const audits = (accountId: string, action: string) =>
  env.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.accountId, accountId), eq(auditEvents.action, action)));

describe("a time-limited SSO exemption that lapses", () => {
  const T = "2031-03-01T12:00:00.000Z";
  const before = at("2031-03-01T10:00:00Z");
  const after = at("2031-03-01T12:01:00Z");

  it("ends the member's password sessions into the account once, keeps SSO and narrowed ones, and reads as no exemption", async () => {
    const s = await enforcingAccount("lapse1");
    const other = await ensureAccount(env.db, { name: "Open lapse1", slug: "open-lapse1" });
    await env.db.insert(memberships).values({ accountId: other.id, userId: s.member.id, role: "member" });
    expect((await setMemberSsoExemption(before, { accountId: s.account.id, actor: s.actor, userId: s.member.id, exempt: true, until: new Date(T) })).ok).toBe(
      true,
    );

    const password = await passwordSignIn(before, s.member.id);
    expect(await grantedIds(before, password)).toEqual(expect.arrayContaining([s.account.id, other.id]));
    const sso = await createSession(before, { userId: s.member.id, method: "sso", accountId: s.account.id, connectionId: s.connection.id });
    const narrowed = await createSession(before, { userId: s.member.id, method: "password", grantedAccountIds: [other.id] });
    // The admin's open-ended exemption is not touched.
    const adminSession = await passwordSignIn(before, s.admin.id);

    expect(await endLapsedSsoExemptions(at("2031-03-01T11:59:00Z"))).toBe(0);
    expect(await endLapsedSsoExemptions(after)).toBe(1);

    expect(await resolveSession(after, password)).toBeNull();
    expect(await grantedIds(after, sso)).toEqual([s.account.id]);
    expect(await grantedIds(after, narrowed)).toEqual([other.id]);
    expect(await grantedIds(after, adminSession)).toContain(s.account.id);
    const [row] = await env.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.accountId, s.account.id), eq(memberships.userId, s.member.id)));
    expect(row).toMatchObject({ ssoExempt: false, ssoExemptUntil: null });

    const [ended] = await audits(s.account.id, "member.sso_exemption_ended");
    expect(ended).toMatchObject({ actorLabel: "SSO exemption expiry", targetLabel: s.member.email, metadata: { from: "until 2031-03-01", to: "none" } });
    expect((await audits(s.account.id, "security.sessions_ended")).map((e) => e.metadata)).toContainEqual({
      reason: "sso_exemption_ended",
      count: 1,
      members: 1,
    });

    // Handled once: the next tick finds nothing.
    expect(await endLapsedSsoExemptions(at("2031-03-01T12:02:00Z"))).toBe(0);
    expect(await audits(s.account.id, "member.sso_exemption_ended")).toHaveLength(1);
  });

  it("closes the account at request time already, before the sweep has run", async () => {
    const s = await enforcingAccount("lapse2");
    const other = await ensureAccount(env.db, { name: "Open lapse2", slug: "open-lapse2" });
    await env.db.insert(memberships).values({ accountId: other.id, userId: s.member.id, role: "member" });
    await setMemberSsoExemption(before, { accountId: s.account.id, actor: s.actor, userId: s.member.id, exempt: true, until: new Date(T) });
    const password = await passwordSignIn(before, s.member.id);
    await env.db
      .update(sessions)
      .set({ activeAccountId: s.account.id })
      .where(eq(sessions.idHash, hashToken(password)));

    const resolved = await resolveSession(after, password);
    expect(resolved?.accounts.find((a) => a.id === s.account.id)?.granted).toBe(false);
    expect(resolved?.accounts.find((a) => a.id === other.id)?.granted).toBe(true);
    expect(resolved?.activeAccount).toBeNull();
  });

  it("in an account that does not enforce SSO, only ends the exemption", async () => {
    const s = await setup("lapse3");
    await setMemberSsoExemption(before, { accountId: s.account.id, actor: s.actor, userId: s.member.id, exempt: true, until: new Date(T) });
    const password = await passwordSignIn(before, s.member.id);
    expect(await grantedIds(after, password)).toEqual([s.account.id]);
    // (The previous test's lapsed exemption is handled by this tick too.)
    expect(await endLapsedSsoExemptions(after)).toBeGreaterThanOrEqual(1);
    expect(await grantedIds(after, password)).toEqual([s.account.id]);
    const [row] = await env.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.accountId, s.account.id), eq(memberships.userId, s.member.id)));
    expect(row).toMatchObject({ ssoExempt: false, ssoExemptUntil: null });
    expect(await audits(s.account.id, "member.sso_exemption_ended")).toHaveLength(1);
    expect(await audits(s.account.id, "security.sessions_ended")).toHaveLength(0);
  });
});

describe("an account joined after the sign-in", () => {
  it("is not opened by an existing password session (a directory or an admin added the member)", async () => {
    const s = await enforcingAccount("join1");
    const open = await ensureAccount(env.db, { name: "Open join1", slug: "open-join1" });
    const person = await ensureMember(env.db, { accountId: open.id, email: "pat@elsewhere-join1.test", name: "Pat", role: "member", password: PASSWORD });
    const sid = await passwordSignIn(at("2031-01-01T10:00:00Z"), person.id);
    await env.db.insert(memberships).values({ accountId: s.account.id, userId: person.id, role: "member", source: "scim" });

    const later = at("2031-01-01T10:05:00Z");
    expect(await grantedIds(later, sid)).toEqual([open.id]);
    // A fresh password sign-in still leaves the enforcing account out.
    expect(await grantedIds(later, await passwordSignIn(later, person.id))).toEqual([open.id]);
  });

  it("is not opened by the person's other sessions when they accept an invite", async () => {
    const s = await setup("join2");
    const open = await ensureAccount(env.db, { name: "Open join2", slug: "open-join2" });
    const person = await ensureMember(env.db, { accountId: open.id, email: "pat@elsewhere-join2.test", name: "Pat", role: "member", password: PASSWORD });
    const now = at("2031-01-01T10:00:00Z");
    const sid = await passwordSignIn(now, person.id);
    await env.db.insert(invites).values({
      accountId: s.account.id,
      email: person.email,
      role: "member",
      tokenHash: hashToken("invite-join2"),
      expiresAt: new Date("2031-01-08T00:00:00Z"),
    });
    expect((await acceptInvite(now, { token: "invite-join2", password: PASSWORD, ip: null })).ok).toBe(true);

    expect(await grantedIds(now, sid)).toEqual([open.id]);
    // The invite page signs in again, and that sign-in proves the new account.
    expect(await grantedIds(now, await passwordSignIn(now, person.id))).toEqual(expect.arrayContaining([open.id, s.account.id]));
  });

  it("through a verified domain opens it for the joining session only when a password may open it", async () => {
    const open = await ensureAccount(env.db, { name: "Open join3", slug: "open-join3" });
    const person = await ensureMember(env.db, { accountId: open.id, email: "pat@join3.test", name: "Pat", role: "member", password: PASSWORD });
    const s = await setup("join3");
    const [domain] = await env.db
      .insert(accountDomains)
      .values({ accountId: s.account.id, domain: "join3.test", status: "verified", verificationToken: "t", autoJoin: "join" })
      .returning();
    const now = at("2031-01-01T10:00:00Z");
    const actor = { userId: person.id, label: person.email, ip: null };

    const joining = await passwordSignIn(now, person.id);
    const elsewhere = await passwordSignIn(now, person.id);
    expect(await joinAccountThroughDomain(now, { userId: person.id, accountId: s.account.id, actor, sessionId: joining })).toEqual({
      ok: true,
      value: { accountId: s.account.id, opened: true },
    });
    expect((await resolveSession(now, joining))?.activeAccount?.id).toBe(s.account.id);
    expect(await grantedIds(now, elsewhere)).toEqual([open.id]);

    // The same join where the domain requires SSO: the password session must not open it.
    await env.db.delete(memberships).where(and(eq(memberships.accountId, s.account.id), eq(memberships.userId, person.id)));
    await env.db.update(accountDomains).set({ enforceSso: true }).where(eq(accountDomains.id, domain!.id));
    const again = await passwordSignIn(now, person.id);
    expect(await joinAccountThroughDomain(now, { userId: person.id, accountId: s.account.id, actor, sessionId: again })).toEqual({
      ok: true,
      value: { accountId: s.account.id, opened: false },
    });
    expect(await grantedIds(now, again)).toEqual([open.id]);
  });

  it("through a verified domain does not open an account requiring MFA for a session that never passed MFA", async () => {
    const open = await ensureAccount(env.db, { name: "Open join4", slug: "open-join4" });
    const person = await ensureMember(env.db, { accountId: open.id, email: "pat@join4.test", name: "Pat", role: "member", password: PASSWORD });
    const s = await setup("join4");
    await env.db.update(accounts).set({ requireMfa: true }).where(eq(accounts.id, s.account.id));
    await env.db.insert(accountDomains).values({ accountId: s.account.id, domain: "join4.test", status: "verified", verificationToken: "t", autoJoin: "join" });
    const now = at("2031-01-01T10:00:00Z");
    const joining = await passwordSignIn(now, person.id);
    expect(
      await joinAccountThroughDomain(now, {
        userId: person.id,
        accountId: s.account.id,
        actor: { userId: person.id, label: person.email, ip: null },
        sessionId: joining,
      }),
    ).toEqual({ ok: true, value: { accountId: s.account.id, opened: false } });
    expect(await grantedIds(now, joining)).toEqual([open.id]);
  });
});
