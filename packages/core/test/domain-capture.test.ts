import { describe, expect, it } from "vitest";
import { accountDomains, and, auditEvents, eq, joinRequests, memberships, users } from "@gatehouse/db";
import {
  decideJoinRequest,
  ensureAccount,
  ensureMember,
  findJoinOffer,
  importManagedUsers,
  joinAccountThroughDomain,
  listManagedUsers,
  listPendingJoinRequests,
  requestToJoinThroughDomain,
} from "../src";
import { useCoreContext } from "./harness";

// Domain capture (issue 13): auto-join, requests to join, and the managed-users import, on a real
// PostgreSQL with a real SMTP server. Verified domains are inserted directly: verifying them through
// DNS is tested with the domains feature.

const env = useCoreContext();

async function account(
  tag: string,
  domains: { domain: string; autoJoin?: "off" | "join" | "request"; includeSubdomains?: boolean; status?: "verified" | "pending" | "lost" }[],
) {
  const acct = await ensureAccount(env.db, { name: `Acme ${tag}`, slug: `acme-${tag}` });
  const admin = await ensureMember(env.db, { accountId: acct.id, email: `admin@admin-${tag}.test`, name: "Ada", role: "admin", password: null });
  for (const d of domains) {
    await env.db.insert(accountDomains).values({
      accountId: acct.id,
      domain: d.domain,
      status: d.status ?? "verified",
      verificationToken: "t",
      autoJoin: d.autoJoin ?? "off",
      includeSubdomains: d.includeSubdomains ?? false,
    });
  }
  return { account: acct, admin, adminActor: { userId: admin.id, label: admin.email, ip: "127.0.0.1" } };
}

async function user(email: string, verified = true) {
  const [row] = await env.db
    .insert(users)
    .values({ email, name: email.split("@")[0]!, emailVerifiedAt: verified ? new Date() : null })
    .returning();
  return { ...row!, actor: { userId: row!.id, label: email, ip: "127.0.0.1" } };
}

const isMember = async (accountId: string, userId: string) =>
  (
    await env.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.accountId, accountId), eq(memberships.userId, userId)))
  ).length === 1;

const auditActions = async (accountId: string) =>
  (await env.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.accountId, accountId))).map((r) => r.action);

describe("auto-join through a verified domain", () => {
  it("join policy: a verified email joins as Member in one step, audited", async () => {
    const { account: acct } = await account("j1", [{ domain: "j1.test", autoJoin: "join" }]);
    const ami = await user("ami@j1.test");
    expect(await findJoinOffer(env.db, ami.id)).toMatchObject({ offer: { kind: "join", accountId: acct.id }, account: { name: "Acme j1" } });
    expect(await joinAccountThroughDomain(env.ctx, { userId: ami.id, accountId: acct.id, actor: ami.actor })).toEqual({
      ok: true,
      value: { accountId: acct.id, opened: false },
    });
    const [row] = await env.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.accountId, acct.id), eq(memberships.userId, ami.id)));
    expect(row).toMatchObject({ role: "member", source: "domain" });
    expect(await auditActions(acct.id)).toContain("member.joined_through_domain");
    expect((await findJoinOffer(env.db, ami.id)).offer).toEqual({ kind: "none" });
  });

  it("needs a verified email, a verified domain and a policy other than off", async () => {
    const { account: acct } = await account("j2", [
      { domain: "j2.test", autoJoin: "join" },
      { domain: "off-j2.test" },
      { domain: "pending-j2.test", autoJoin: "join", status: "pending" },
      { domain: "lost-j2.test", autoJoin: "join", status: "lost" },
    ]);
    const unverified = await user("new@j2.test", false);
    const offDomain = await user("x@off-j2.test");
    const pending = await user("x@pending-j2.test");
    const lost = await user("x@lost-j2.test");
    for (const u of [unverified, offDomain, pending, lost]) {
      expect((await findJoinOffer(env.db, u.id)).offer).toEqual({ kind: "none" });
      const joined = await joinAccountThroughDomain(env.ctx, { userId: u.id, accountId: acct.id, actor: u.actor });
      expect(joined.ok).toBe(false);
      expect(await isMember(acct.id, u.id)).toBe(false);
    }
  });

  it("cannot join another account than the one the domain names", async () => {
    await account("j3", [{ domain: "j3.test", autoJoin: "join" }]);
    const { account: other } = await account("j3other", []);
    const ami = await user("ami@j3.test");
    expect((await joinAccountThroughDomain(env.ctx, { userId: ami.id, accountId: other.id, actor: ami.actor })).ok).toBe(false);
    expect(await isMember(other.id, ami.id)).toBe(false);
  });

  it("request policy: Request sent, then an admin approves; the person is a member and gets an email", async () => {
    const { account: acct, adminActor } = await account("r1", [{ domain: "r1.test", autoJoin: "request" }]);
    const max = await user("max@r1.test");
    expect((await findJoinOffer(env.db, max.id)).offer).toMatchObject({ kind: "request" });
    expect((await requestToJoinThroughDomain(env.ctx, { userId: max.id, accountId: acct.id, actor: max.actor })).ok).toBe(true);
    // Asking twice keeps one request.
    expect((await requestToJoinThroughDomain(env.ctx, { userId: max.id, accountId: acct.id, actor: max.actor })).ok).toBe(true);
    expect((await findJoinOffer(env.db, max.id)).offer).toEqual({ kind: "request_sent", accountId: acct.id });
    expect(await isMember(acct.id, max.id)).toBe(false);
    expect((await joinAccountThroughDomain(env.ctx, { userId: max.id, accountId: acct.id, actor: max.actor })).ok).toBe(false);

    const pending = await listPendingJoinRequests(env.db, acct.id);
    expect(pending).toMatchObject([{ email: "max@r1.test", userId: max.id }]);
    expect(await decideJoinRequest(env.ctx, { accountId: acct.id, requestId: pending[0]!.id, approve: true, actor: adminActor })).toEqual({
      ok: true,
      value: { email: "max@r1.test" },
    });
    expect(await isMember(acct.id, max.id)).toBe(true);
    const email = await env.smtp.waitForEmail({ to: "max@r1.test", subject: "approved" });
    expect(email.subject).toBe("Your request to join Acme r1 was approved");
    expect(await listPendingJoinRequests(env.db, acct.id)).toEqual([]);
    // Answering again changes nothing.
    expect((await decideJoinRequest(env.ctx, { accountId: acct.id, requestId: pending[0]!.id, approve: false, actor: adminActor })).ok).toBe(false);
    expect(await auditActions(acct.id)).toEqual(expect.arrayContaining(["join_request.created", "join_request.approved"]));
  });

  it("a declined request sends an email, adds nobody, and is not offered again", async () => {
    const { account: acct, adminActor } = await account("r2", [{ domain: "r2.test", autoJoin: "request" }]);
    const eve = await user("eve@r2.test");
    await requestToJoinThroughDomain(env.ctx, { userId: eve.id, accountId: acct.id, actor: eve.actor });
    const [request] = await listPendingJoinRequests(env.db, acct.id);
    expect((await decideJoinRequest(env.ctx, { accountId: acct.id, requestId: request!.id, approve: false, actor: adminActor })).ok).toBe(true);
    expect(await isMember(acct.id, eve.id)).toBe(false);
    expect((await env.smtp.waitForEmail({ to: "eve@r2.test", subject: "declined" })).subject).toBe("Your request to join Acme r2 was declined");
    expect((await findJoinOffer(env.db, eve.id)).offer).toEqual({ kind: "none" });
    expect((await requestToJoinThroughDomain(env.ctx, { userId: eve.id, accountId: acct.id, actor: eve.actor })).ok).toBe(false);
    expect(await auditActions(acct.id)).toContain("join_request.declined");
  });

  it("only the account's admins answer requests, and only their own account's", async () => {
    const { account: acct } = await account("r3", [{ domain: "r3.test", autoJoin: "request" }]);
    const { adminActor: otherAdmin } = await account("r3other", []);
    const max = await user("max@r3.test");
    const member = await user("member@r3.test");
    await env.db.insert(memberships).values({ accountId: acct.id, userId: member.id, role: "member" });
    await requestToJoinThroughDomain(env.ctx, { userId: max.id, accountId: acct.id, actor: max.actor });
    const [request] = await listPendingJoinRequests(env.db, acct.id);
    expect(await decideJoinRequest(env.ctx, { accountId: acct.id, requestId: request!.id, approve: true, actor: member.actor })).toEqual({
      ok: false,
      error: "Only account admins can answer requests to join.",
    });
    expect((await decideJoinRequest(env.ctx, { accountId: acct.id, requestId: request!.id, approve: true, actor: otherAdmin })).ok).toBe(false);
    expect(await isMember(acct.id, max.id)).toBe(false);
    const [row] = await env.db.select().from(joinRequests).where(eq(joinRequests.id, request!.id));
    expect(row?.status).toBe("pending");
  });
});

describe("managed users", () => {
  it("lists verified users on the account's verified domains who are not members, most specific domain first", async () => {
    const { account: acct, admin } = await account("m1", [{ domain: "m1.test", includeSubdomains: true }, { domain: "exact-m1.test" }]);
    // eu.m1.test is verified by another account: its users are that account's.
    await account("m1eu", [{ domain: "eu.m1.test" }]);
    await user("bob@m1.test");
    await user("carla@dev.m1.test");
    await user("dan@exact-m1.test");
    await user("unverified@m1.test", false);
    await user("eu@eu.m1.test");
    await user("sub@x.exact-m1.test");
    await user("x@notm1.test");
    await user("x@fakem1.test");
    const already = await user("already@m1.test");
    await env.db.insert(memberships).values({ accountId: acct.id, userId: already.id, role: "member" });

    const listed = await listManagedUsers(env.db, { accountId: acct.id });
    expect(listed.users.map((u) => u.email)).toEqual(["bob@m1.test", "carla@dev.m1.test", "dan@exact-m1.test"]);
    expect(listed.total).toBe(3);
    expect(listed.users.some((u) => u.userId === admin.id)).toBe(false);
    expect((await listManagedUsers(env.db, { accountId: acct.id, search: "carla" })).users.map((u) => u.email)).toEqual(["carla@dev.m1.test"]);
    const paged = await listManagedUsers(env.db, { accountId: acct.id, pageSize: 2, page: 2 });
    expect(paged).toMatchObject({ total: 3, page: 2, pageCount: 2, users: [{ email: "dan@exact-m1.test" }] });
  });

  it("imports chosen users as Members, each with an email and an audit event; refuses anyone not managed", async () => {
    const { account: acct, adminActor } = await account("m2", [{ domain: "m2.test" }]);
    const bob = await user("bob@m2.test");
    const carla = await user("carla@m2.test");
    const outsider = await user("outsider@elsewhere-m2.test");
    const imported = await importManagedUsers(env.ctx, { accountId: acct.id, userIds: [bob.id, outsider.id], actor: adminActor });
    expect(imported).toEqual({ ok: true, value: { imported: 1 } });
    expect(await isMember(acct.id, bob.id)).toBe(true);
    expect(await isMember(acct.id, outsider.id)).toBe(false);
    expect(await isMember(acct.id, carla.id)).toBe(false);
    const email = await env.smtp.waitForEmail({ to: "bob@m2.test" });
    expect(email.subject).toBe("You were added to Acme m2 on Gatehouse");
    const [event] = await env.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, acct.id), eq(auditEvents.action, "member.imported")));
    expect(event).toMatchObject({ targetId: bob.id, actorUserId: adminActor.userId });
    expect((await importManagedUsers(env.ctx, { accountId: acct.id, userIds: [outsider.id], actor: adminActor })).ok).toBe(false);
  });

  it("imports all; only admins may", async () => {
    const { account: acct, adminActor } = await account("m3", [{ domain: "m3.test" }]);
    const a = await user("a@m3.test");
    const b = await user("b@m3.test");
    const member = await user("member@m3.test");
    await env.db.insert(memberships).values({ accountId: acct.id, userId: member.id, role: "member" });
    expect(await importManagedUsers(env.ctx, { accountId: acct.id, userIds: "all", actor: member.actor })).toEqual({
      ok: false,
      error: "Only account admins can import users.",
    });
    expect(await importManagedUsers(env.ctx, { accountId: acct.id, userIds: "all", actor: adminActor })).toEqual({ ok: true, value: { imported: 2 } });
    expect(await isMember(acct.id, a.id)).toBe(true);
    expect(await isMember(acct.id, b.id)).toBe(true);
    await env.smtp.waitForEmail({ to: "a@m3.test" });
    await env.smtp.waitForEmail({ to: "b@m3.test" });
    expect((await listManagedUsers(env.db, { accountId: acct.id })).total).toBe(0);
  });
});
