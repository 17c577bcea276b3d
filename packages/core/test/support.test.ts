import { describe, expect, it } from "vitest";
import { accountDomains, accounts, eq, inArray, memberships, sessions, ssoConnections, users } from "@gatehouse/db";
import {
  createSession,
  disableSso,
  ensureAccount,
  ensureMember,
  findAccountsForSupport,
  inspectInvite,
  inviteMember,
  listAuditEvents,
  resendInvite,
  restoreSuspendedEnforcement,
  sendPasswordResets,
  supportAccountView,
  supportActor,
  suspendEnforcement,
} from "../src";
import { useCoreContext } from "./harness";

const env = useCoreContext();
const MAPPING = { email: "email", firstName: "given_name", lastName: "family_name", displayName: "name", username: "preferred_username", picture: "picture" };

async function setup(tag: string) {
  const account = await ensureAccount(env.db, { name: `Support ${tag}`, slug: `support-${tag}` });
  const admin = await ensureMember(env.db, { accountId: account.id, email: `admin@${tag}.test`, name: "Ada", role: "admin", password: "admin-password" });
  const member = await ensureMember(env.db, { accountId: account.id, email: `member@${tag}.test`, name: "Max", role: "member", password: null });
  const [staff] = await env.db
    .insert(users)
    .values({ email: `sam-${tag}@gatehouse.test`, name: "Sam", isStaff: true })
    .returning();
  const [connection] = await env.db
    .insert(ssoConnections)
    .values({
      accountId: account.id,
      provider: "okta",
      name: "Okta",
      buttonText: "Sign in with Okta",
      enabled: true,
      verifiedAt: new Date(),
      attributeMapping: MAPPING,
    })
    .returning();
  await env.db.update(accounts).set({ authRequired: "sso" }).where(eq(accounts.id, account.id));
  await env.db.insert(accountDomains).values({ accountId: account.id, domain: `${tag}.test`, status: "verified", verificationToken: "t", enforceSso: true });
  return {
    account,
    admin,
    member,
    connection: connection!,
    adminActor: { userId: admin.id, label: admin.email, ip: "127.0.0.1" },
    support: supportActor(staff!, "127.0.0.1"),
  };
}

describe("disableSso", () => {
  it("switches connections and enforcement off and ends only this account's SSO sessions", async () => {
    const s = await setup("dis1");
    const other = await setup("dis1other");
    await createSession(env.ctx, { userId: s.member.id, method: "sso", accountId: s.account.id, connectionId: s.connection.id });
    await createSession(env.ctx, { userId: s.admin.id, method: "password" });
    await createSession(env.ctx, { userId: other.member.id, method: "sso", accountId: other.account.id, connectionId: other.connection.id });

    const result = await disableSso(env.ctx, { accountId: s.account.id, actor: s.adminActor, bySupport: false });
    expect(result).toEqual({ ok: true, value: { connectionsDisabled: 1, domainsUnenforced: 1, sessionsEnded: 1 } });
    const left = await env.db.select({ userId: sessions.userId, method: sessions.method }).from(sessions);
    expect(left).toContainEqual({ userId: s.admin.id, method: "password" });
    expect(left).toContainEqual({ userId: other.member.id, method: "sso" });
    expect(left).not.toContainEqual({ userId: s.member.id, method: "sso" });

    const [account] = await env.db.select().from(accounts).where(eq(accounts.id, s.account.id));
    expect(account!.authRequired).toBe("any");
    const [connection] = await env.db.select().from(ssoConnections).where(eq(ssoConnections.id, s.connection.id));
    expect(connection!.enabled).toBe(false);
    const [otherConnection] = await env.db.select().from(ssoConnections).where(eq(ssoConnections.id, other.connection.id));
    expect(otherConnection!.enabled).toBe(true);
    const [event] = await listAuditEvents(env.db, s.account.id, 1);
    expect(event).toMatchObject({
      action: "sso.disabled",
      actorLabel: "admin@dis1.test",
      metadata: { from: "sso", to: "any", sessionsEnded: 1, domains: ["dis1.test"] },
    });
  });

  it("refuses a member, a non-staff 'support' caller, and support without a reason", async () => {
    const s = await setup("dis2");
    const memberActor = { userId: s.member.id, label: s.member.email, ip: null };
    expect(await disableSso(env.ctx, { accountId: s.account.id, actor: memberActor, bySupport: false })).toEqual({
      ok: false,
      error: "Only account admins can switch SSO off.",
    });
    expect(await disableSso(env.ctx, { accountId: s.account.id, actor: s.adminActor, bySupport: true, reason: "Ticket 1: locked out" })).toEqual({
      ok: false,
      error: "Only Gatehouse support staff can do this.",
    });
    const noReason = await disableSso(env.ctx, { accountId: s.account.id, actor: s.support, bySupport: true, reason: "  " });
    expect(noReason).toEqual({ ok: false, error: "Give a reason: the customer reads it in their audit log." });
    const [connection] = await env.db.select().from(ssoConnections).where(eq(ssoConnections.id, s.connection.id));
    expect(connection!.enabled).toBe(true);
  });

  it("from support, records the reason and shows support as the actor in the account's log", async () => {
    const s = await setup("dis3");
    const result = await disableSso(env.ctx, { accountId: s.account.id, actor: s.support, bySupport: true, reason: "Ticket 77: IdP certificate expired" });
    expect(result.ok).toBe(true);
    const [event] = await listAuditEvents(env.db, s.account.id, 1);
    expect(event).toMatchObject({
      action: "sso.disabled",
      actorLabel: "Gatehouse support (Sam)",
      metadata: { reason: "Ticket 77: IdP certificate expired", bySupport: true },
    });
  });
});

describe("sendPasswordResets", () => {
  it("sends every member a link that says to keep the login, and a member without a password is asked to set one", async () => {
    const s = await setup("res1");
    const result = await sendPasswordResets(env.ctx, { accountId: s.account.id, userIds: "all", actor: s.adminActor, bySupport: false });
    expect(result).toEqual({ ok: true, value: { sent: 2, rateLimited: [] } });
    const mail = await env.smtp.waitForEmail({ to: "member@res1.test" });
    expect(mail.text).toContain("do not create a new one");
    expect(mail.text).toContain("you have not had one yet");
    expect(mail.links.some((l) => l.includes("/reset-password?token="))).toBe(true);
    const adminMail = await env.smtp.waitForEmail({ to: "admin@res1.test" });
    expect(adminMail.text).not.toContain("you have not had one yet");
    // No one switched SSO off through the app here: the admin sending the resets is named.
    expect(mail.text).toContain(`Ada switched single sign-on off for ${s.account.name}`);
  });

  it("names who switched SSO off: the admin by name, or Gatehouse support", async () => {
    const s = await setup("res3");
    expect((await disableSso(env.ctx, { accountId: s.account.id, actor: s.adminActor, bySupport: false })).ok).toBe(true);
    await sendPasswordResets(env.ctx, { accountId: s.account.id, userIds: [s.member.id], actor: s.adminActor, bySupport: false });
    const byAdmin = await env.smtp.waitForEmail({ to: "member@res3.test" });
    expect(byAdmin.text).toContain(`Ada switched single sign-on off for ${s.account.name}`);
    expect(byAdmin.text).not.toContain("an administrator");

    const t = await setup("res4");
    expect((await disableSso(env.ctx, { accountId: t.account.id, actor: t.support, bySupport: true, reason: "Ticket 8: IdP gone" })).ok).toBe(true);
    await sendPasswordResets(env.ctx, { accountId: t.account.id, userIds: [t.member.id], actor: t.adminActor, bySupport: false });
    const bySupport = await env.smtp.waitForEmail({ to: "member@res4.test" });
    expect(bySupport.text).toContain(`Gatehouse support switched single sign-on off for ${t.account.name}`);
    expect(bySupport.text).not.toContain("Sam");
  });

  it("sends to chosen members only, and refuses someone from another account", async () => {
    const s = await setup("res2");
    const other = await setup("res2other");
    expect(
      await sendPasswordResets(env.ctx, { accountId: s.account.id, userIds: [s.member.id, other.member.id], actor: s.adminActor, bySupport: false }),
    ).toMatchObject({ ok: false });
    expect(await sendPasswordResets(env.ctx, { accountId: s.account.id, userIds: [], actor: s.adminActor, bySupport: false })).toEqual({
      ok: false,
      error: "Choose at least one member to send a reset link to.",
    });
    const result = await sendPasswordResets(env.ctx, {
      accountId: s.account.id,
      userIds: [s.member.id],
      actor: s.support,
      bySupport: true,
      reason: "Ticket 5: SSO off",
    });
    expect(result).toEqual({ ok: true, value: { sent: 1, rateLimited: [] } });
    await env.smtp.waitForEmail({ to: "member@res2.test" });
    expect(env.smtp.messages().some((m) => m.to.includes("admin@res2.test"))).toBe(false);
    const [event] = await listAuditEvents(env.db, s.account.id, 1);
    expect(event).toMatchObject({
      action: "password_reset.sent_to_members",
      actorLabel: "Gatehouse support (Sam)",
      metadata: { sent: 1, reason: "Ticket 5: SSO off", bySupport: true },
    });
  });
});

describe("suspendEnforcement", () => {
  it("suspends for N hours, emails the admins, and a sweep after the time restores it once", async () => {
    const s = await setup("sus1");
    const start = new Date("2030-01-01T10:00:00Z");
    const ctx = { ...env.ctx, now: () => start };
    expect((await suspendEnforcement(ctx, { accountId: s.account.id, hours: 0, actor: s.support, reason: "Ticket 9: Okta down" })).ok).toBe(false);
    expect((await suspendEnforcement(ctx, { accountId: s.account.id, hours: 73, actor: s.support, reason: "Ticket 9: Okta down" })).ok).toBe(false);
    expect((await suspendEnforcement(ctx, { accountId: s.account.id, hours: 2, actor: s.adminActor, reason: "Ticket 9: Okta down" })).ok).toBe(false);
    const suspended = await suspendEnforcement(ctx, { accountId: s.account.id, hours: 2, actor: s.support, reason: "Ticket 9: Okta down" });
    expect(suspended).toEqual({ ok: true, value: { until: new Date("2030-01-01T12:00:00Z") } });
    const told = await env.smtp.waitForEmail({ to: "admin@sus1.test" });
    expect(told.subject).toBe("SSO enforcement is paused for Support sus1");
    expect(told.text).toContain("Ticket 9: Okta down");

    expect(await restoreSuspendedEnforcement(env.ctx, new Date("2030-01-01T11:59:00Z"))).toBe(0);
    const [restoredNow, again] = await Promise.all([
      restoreSuspendedEnforcement(env.ctx, new Date("2030-01-01T12:00:00Z")),
      restoreSuspendedEnforcement(env.ctx, new Date("2030-01-01T12:00:00Z")),
    ]);
    expect(restoredNow + again).toBe(1);
    const [account] = await env.db.select().from(accounts).where(eq(accounts.id, s.account.id));
    expect(account!.enforcementSuspendedUntil).toBeNull();
    expect(account!.authRequired).toBe("sso");
    const events = await listAuditEvents(env.db, s.account.id, 2);
    expect(events.map((e) => e.action)).toEqual(["security.enforcement_restored", "security.enforcement_suspended"]);
    expect(events[1]).toMatchObject({ actorLabel: "Gatehouse support (Sam)", metadata: { reason: "Ticket 9: Okta down", bySupport: true, hours: 2 } });
    const back = await env.smtp.waitForEmail({ to: "admin@sus1.test", subject: "SSO enforcement is back on for Support sus1" });
    expect(back.text).toContain("Members must sign in as your authentication requirement says again.");
  });
});

describe("the end of a suspension", () => {
  it("ends the password sessions opened during it by members the restored rule enforces, keeps SSO and exempt ones, and audits the count", async () => {
    const s = await setup("sus2");
    const start = new Date("2030-02-01T10:00:00Z");
    const during = { ...env.ctx, now: () => new Date("2030-02-01T10:30:00Z") };
    expect(
      (await suspendEnforcement({ ...env.ctx, now: () => start }, { accountId: s.account.id, hours: 1, actor: s.support, reason: "Ticket 10: IdP down" })).ok,
    ).toBe(true);
    const exempt = await ensureMember(env.db, { accountId: s.account.id, email: "exempt@sus2.test", name: "Ex", role: "member", password: "exempt-password" });
    await env.db.update(memberships).set({ ssoExempt: true }).where(eq(memberships.userId, exempt.id));
    await createSession(during, { userId: s.member.id, method: "password" });
    await createSession(during, { userId: s.admin.id, method: "password" });
    await createSession(during, { userId: exempt.id, method: "password" });
    await createSession(during, { userId: s.member.id, method: "sso", accountId: s.account.id, connectionId: s.connection.id });
    // The member's password session into another account only (as checkSignInMethod narrows it) stays.
    const elsewhere = await ensureAccount(env.db, { name: "Elsewhere sus2", slug: "elsewhere-sus2" });
    await createSession(during, { userId: s.member.id, method: "password", accountId: elsewhere.id, grantedAccountIds: [elsewhere.id] });

    expect(await restoreSuspendedEnforcement(env.ctx, new Date("2030-02-01T11:00:00Z"))).toBe(1);
    const left = await env.db
      .select({ userId: sessions.userId, method: sessions.method })
      .from(sessions)
      .where(inArray(sessions.userId, [s.member.id, s.admin.id, exempt.id]));
    expect(left).toHaveLength(3);
    expect(left).toContainEqual({ userId: s.member.id, method: "sso" });
    expect(left).toContainEqual({ userId: s.member.id, method: "password" });
    expect(left).toContainEqual({ userId: exempt.id, method: "password" });
    const [ended] = await listAuditEvents(env.db, s.account.id, 1);
    expect(ended).toMatchObject({
      action: "security.sessions_ended",
      actorLabel: "Enforcement suspension ended",
      metadata: { reason: "enforcement_restored", count: 2, members: 2 },
    });
  });
});

describe("findAccountsForSupport and supportAccountView", () => {
  it("finds an account by name, slug, domain and member email", async () => {
    const s = await setup("find1");
    for (const query of ["Support find1", "SUPPORT-FIND1", "find1.test", "member@find1.test", "nd1.te"]) {
      const hits = await findAccountsForSupport(env.db, query);
      expect(
        hits.map((h) => h.id),
        query,
      ).toContain(s.account.id);
    }
    expect(await findAccountsForSupport(env.db, "%")).toEqual([]);
    const [hit] = await findAccountsForSupport(env.db, "find1.test");
    expect(hit).toMatchObject({ slug: "support-find1", authRequired: "sso", memberCount: 2, domains: ["find1.test"] });
  });

  it("shows connections, domains, enforcement, members, invites and recent events", async () => {
    const s = await setup("view1");
    await inviteMember(env.ctx, { accountId: s.account.id, email: "new@view1.test", role: "member", actor: s.adminActor });
    const view = await supportAccountView(env.ctx, s.account.id);
    expect(view).toMatchObject({
      account: { slug: "support-view1" },
      enforcement: { authRequired: "sso", suspendedUntil: null, enforcedDomains: ["view1.test"] },
      connections: [{ name: "Okta", enabled: true, health: { status: "ok", credential: null, message: null } }],
      domains: [{ domain: "view1.test", status: "verified", enforceSso: true }],
      members: [
        { email: "admin@view1.test", role: "admin", hasPassword: true },
        { email: "member@view1.test", role: "member", hasPassword: false },
      ],
      pendingInvites: [{ email: "new@view1.test" }],
    });
    expect(view!.recentEvents.map((e) => e.action)).toContain("member.invited");
    expect(await supportAccountView(env.ctx, "00000000-0000-0000-0000-000000000000")).toBeNull();
  });
});

describe("resendInvite", () => {
  it("sends a fresh link that replaces the old one, audited as support", async () => {
    const s = await setup("inv1");
    const invited = await inviteMember(env.ctx, { accountId: s.account.id, email: "late@inv1.test", role: "member", actor: s.adminActor });
    if (!invited.ok) throw new Error(invited.error);
    const first = await env.smtp.waitForEmail({ to: "late@inv1.test" });
    expect(await resendInvite(env.ctx, { accountId: s.account.id, inviteId: invited.value.inviteId, actor: s.support, bySupport: true })).toMatchObject({
      ok: false,
    });
    const resent = await resendInvite(env.ctx, {
      accountId: s.account.id,
      inviteId: invited.value.inviteId,
      actor: s.support,
      bySupport: true,
      reason: "Ticket 3: lost the email",
    });
    expect(resent).toEqual({ ok: true, value: { email: "late@inv1.test" } });
    await expect.poll(() => env.smtp.messages().filter((m) => m.to.includes("late@inv1.test")).length).toBe(2);
    const second = env.smtp.messages().find((m) => m.to.includes("late@inv1.test") && m.links[0] !== first.links[0])!;
    const tokenOf = (link: string) => decodeURIComponent(link.split("/invite/")[1]!);
    expect(await inspectInvite(env.ctx, tokenOf(first.links[0]!))).toBeNull();
    expect(await inspectInvite(env.ctx, tokenOf(second.links[0]!))).toMatchObject({ email: "late@inv1.test" });
    const [event] = await listAuditEvents(env.db, s.account.id, 1);
    expect(event).toMatchObject({
      action: "invite.resent",
      actorLabel: "Gatehouse support (Sam)",
      metadata: { reason: "Ticket 3: lost the email", bySupport: true },
    });
  });
});
