import { describe, expect, it } from "vitest";
import {
  acceptInvite,
  changeMemberRole,
  ensureAccount,
  ensureMember,
  inviteMember,
  listAuditEvents,
  listMembers,
  removeMember,
  sendMemberPasswordReset,
} from "../src";
import { useCoreContext } from "./harness";

const env = useCoreContext();

async function setup(tag: string) {
  const account = await ensureAccount(env.db, { name: `Team ${tag}`, slug: `team-${tag}` });
  const admin = await ensureMember(env.db, { accountId: account.id, email: `admin-${tag}@test.dev`, name: "Ada", role: "admin", password: "admin-password" });
  const member = await ensureMember(env.db, {
    accountId: account.id,
    email: `member-${tag}@test.dev`,
    name: "Max",
    role: "member",
    password: "member-password",
  });
  return {
    account,
    admin,
    member,
    adminActor: { userId: admin.id, label: admin.email, ip: "127.0.0.1" },
    memberActor: { userId: member.id, label: member.email, ip: "127.0.0.1" },
  };
}

describe("team management", () => {
  it("refuses every admin operation to a member", async () => {
    const { account, admin, member, memberActor } = await setup("t1");
    expect(await inviteMember(env.ctx, { accountId: account.id, email: "x@test.dev", role: "member", actor: memberActor })).toEqual({
      ok: false,
      error: "Only account admins can invite members.",
    });
    expect((await changeMemberRole(env.ctx, { accountId: account.id, userId: member.id, role: "admin", actor: memberActor })).ok).toBe(false);
    expect((await removeMember(env.ctx, { accountId: account.id, userId: admin.id, actor: memberActor })).ok).toBe(false);
    expect((await sendMemberPasswordReset(env.ctx, { accountId: account.id, userId: admin.id, actor: memberActor })).ok).toBe(false);
  });

  it("never demotes or removes the last admin", async () => {
    const { account, admin, adminActor } = await setup("t2");
    const demote = await changeMemberRole(env.ctx, { accountId: account.id, userId: admin.id, role: "member", actor: adminActor });
    expect(demote).toEqual({ ok: false, error: "This is the last admin of the account. Make another member an admin first." });
    expect((await removeMember(env.ctx, { accountId: account.id, userId: admin.id, actor: adminActor })).ok).toBe(false);
  });

  it("cannot act on another account's members", async () => {
    const a = await setup("t3a");
    const b = await setup("t3b");
    const result = await removeMember(env.ctx, { accountId: a.account.id, userId: b.member.id, actor: a.adminActor });
    expect(result).toEqual({ ok: false, error: "That person is not a member of this account." });
  });

  it("invites by email; the invitee sets a password and joins with the role", async () => {
    const { account, adminActor } = await setup("t4");
    const invited = await inviteMember(env.ctx, { accountId: account.id, email: "  New.Person@Test.dev ", role: "admin", actor: adminActor });
    expect(invited).toMatchObject({ ok: true, value: { email: "new.person@test.dev" } });
    const email = await env.smtp.waitForEmail({ to: "new.person@test.dev" });
    // The email names the inviter (not their email address) and the account.
    expect(email.text).toContain("Ada has invited you to join the Team t4 account on Gatehouse");
    const token = decodeURIComponent(email.links.find((l) => l.includes("/invite/"))!.split("/invite/")[1]!);
    const accepted = await acceptInvite(env.ctx, { token, name: "New Person", password: "new-person-password", ip: null });
    expect(accepted.ok).toBe(true);
    const { members } = await listMembers(env.db, { accountId: account.id, search: "new.person" });
    expect(members).toMatchObject([{ email: "new.person@test.dev", role: "admin", name: "New Person" }]);
    expect((await acceptInvite(env.ctx, { token, password: "new-person-password", ip: null })).ok).toBe(false);
  });

  it("a reset an admin sends names the admin and the account", async () => {
    const { account, member, adminActor } = await setup("t4reset");
    expect((await sendMemberPasswordReset(env.ctx, { accountId: account.id, userId: member.id, actor: adminActor })).ok).toBe(true);
    const email = await env.smtp.waitForEmail({ to: member.email });
    expect(email.text).toContain("Hi Max,");
    expect(email.text).toContain("Ada, an admin of Team t4reset, has asked you to set a new password");
  });

  it("an existing user proves who they are with their password to accept", async () => {
    const { account, adminActor } = await setup("t5");
    const other = await setup("t5other");
    await inviteMember(env.ctx, { accountId: account.id, email: other.member.email, role: "member", actor: adminActor });
    const email = await env.smtp.waitForEmail({ to: other.member.email });
    const token = decodeURIComponent(email.links.find((l) => l.includes("/invite/"))!.split("/invite/")[1]!);
    expect(await acceptInvite(env.ctx, { token, password: "wrong-password", ip: null })).toEqual({
      ok: false,
      error: "That password is not right for this email.",
    });
    expect((await acceptInvite(env.ctx, { token, password: "member-password", ip: null })).ok).toBe(true);
  });

  it("writes an audit event for each change, with actor and IP", async () => {
    const { account, member, adminActor } = await setup("t6");
    await changeMemberRole(env.ctx, { accountId: account.id, userId: member.id, role: "admin", actor: adminActor });
    await removeMember(env.ctx, { accountId: account.id, userId: member.id, actor: adminActor });
    const events = await listAuditEvents(env.db, account.id);
    expect(events.map((e) => e.action)).toEqual(["member.removed", "member.role_changed"]);
    expect(events[0]).toMatchObject({ actorLabel: adminActor.label, ip: "127.0.0.1", targetLabel: member.email });
  });

  it("saving the role a member already holds changes nothing and records nothing", async () => {
    const { account, member, adminActor } = await setup("t6b");
    const same = await changeMemberRole(env.ctx, { accountId: account.id, userId: member.id, role: "member", actor: adminActor });
    expect(same).toEqual({ ok: true, value: { changed: false, email: member.email, role: "member" } });
    expect((await listAuditEvents(env.db, account.id)).map((e) => e.action)).not.toContain("member.role_changed");
  });

  it("searches by name or email and paginates", async () => {
    const { account } = await setup("t7");
    for (let i = 0; i < 5; i++) await ensureMember(env.db, { accountId: account.id, email: `p${i}-t7@test.dev`, name: `Person ${i}`, role: "member" });
    const first = await listMembers(env.db, { accountId: account.id, pageSize: 3 });
    expect(first).toMatchObject({ total: 7, totalIsCapped: false, prevCursor: null });
    const page = await listMembers(env.db, { accountId: account.id, after: first.nextCursor!, pageSize: 3 });
    expect(page.members).toHaveLength(3);
    const last = await listMembers(env.db, { accountId: account.id, after: page.nextCursor!, pageSize: 3 });
    expect(last.members).toHaveLength(1);
    expect(last.nextCursor).toBeNull();
    // Every member exactly once, in name order, and "Previous" gives back the same page.
    const all = [...first.members, ...page.members, ...last.members];
    expect(new Set(all.map((m) => m.userId)).size).toBe(7);
    expect(all.map((m) => m.name.toLowerCase())).toEqual(all.map((m) => m.name.toLowerCase()).sort());
    const back = await listMembers(env.db, { accountId: account.id, before: last.prevCursor!, pageSize: 3 });
    expect(back.members.map((m) => m.userId)).toEqual(page.members.map((m) => m.userId));
    expect((await listMembers(env.db, { accountId: account.id, after: "not-a-cursor", pageSize: 3 })).members).toEqual(first.members);
    expect((await listMembers(env.db, { accountId: account.id, search: "person 3" })).members).toHaveLength(1);
    expect((await listMembers(env.db, { accountId: account.id, search: "%" })).members).toHaveLength(0);
  });
});
