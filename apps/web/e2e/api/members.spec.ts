import { randomBytes } from "node:crypto";
import { requestToJoinThroughDomain } from "@gatehouse/core";
import { accountDomains, users } from "@gatehouse/db";
import { expect, test, waitForEmail } from "../support/fixtures";
import { accountKey, envelope, orgUrl, withKey } from "./api-support";

type Members = { members: { userId: string; email: string; role: string }[]; pendingInvites: { email: string }[]; pendingJoinRequests: { email: string }[] };

test("members: list (with pending join requests), invite, change role, remove — and the last admin stays", async ({ request, db, team }) => {
  const api = withKey(request, (await accountKey(db, team.accountId)).token);
  const base = orgUrl(team.accountId, "/members");

  // A pending join request, through a verified domain whose policy is "request".
  const tag = randomBytes(3).toString("hex");
  await db
    .insert(accountDomains)
    .values({ accountId: team.accountId, domain: `join-${tag}.test`, status: "verified", verificationToken: tag, autoJoin: "request", verifiedAt: new Date() });
  const [asker] = await db
    .insert(users)
    .values({ email: `asker-${tag}@join-${tag}.test`, name: "Asker", emailVerifiedAt: new Date() })
    .returning();
  const requested = await requestToJoinThroughDomain(
    { db },
    { userId: asker!.id, accountId: team.accountId, actor: { userId: asker!.id, label: asker!.email, ip: null } },
  );
  expect(requested).toEqual({ ok: true, value: undefined });

  const listed = await envelope<Members>(await api.get(base), 200);
  expect(listed.data.members.map((m) => m.email).sort()).toEqual([team.admin.email, team.member.email].sort());
  expect(listed.data.pendingJoinRequests.map((r) => r.email)).toEqual([asker!.email]);

  const invitee = `invitee-${tag}@e2e.test`;
  const invited = await envelope<{ email: string }>(await api.post(base, { email: invitee, role: "member" }), 201, "CREATED");
  expect(invited.data.email).toBe(invitee);
  await waitForEmail(invitee);
  await envelope(await api.post(base, { email: team.member.email }), 409, "ALREADY_MEMBER");
  const badEmail = await envelope<{ fields: Record<string, string> }>(await api.post(base, { email: "nobody" }), 422, "VALIDATION_FAILED");
  expect(Object.keys(badEmail.data.fields)).toEqual(["email"]);
  await envelope(await api.post(base, { email: "x@e2e.test", role: "owner" }), 422, "VALIDATION_FAILED");
  expect((await envelope<Members>(await api.get(base), 200)).data.pendingInvites.map((i) => i.email)).toContain(invitee);

  await envelope(await api.put(`${base}/${team.member.id}`, { role: "admin" }), 200);
  await envelope(await api.put(`${base}/${team.member.id}`, { role: "member" }), 200);
  await envelope(await api.put(`${base}/${team.admin.id}`, { role: "member" }), 409, "ROLE_CHANGE_REFUSED");
  await envelope(await api.delete(`${base}/${team.admin.id}`), 409, "REMOVAL_REFUSED");
  await envelope(await api.put(`${base}/00000000-0000-4000-8000-000000000000`, { role: "admin" }), 404, "NOT_FOUND");

  await envelope(await api.delete(`${base}/${team.member.id}`), 200);
  await envelope(await api.delete(`${base}/${team.member.id}`), 404, "NOT_FOUND");
  const audit = await envelope<{ events: { action: string }[]; nextCursor: string | null }>(
    await api.get(orgUrl(team.accountId, "/audit-events?action=member.&limit=1")),
    200,
  );
  expect(audit.data.events).toHaveLength(1);
  expect(audit.data.events[0]!.action).toBe("member.removed");
  const next = await envelope<{ events: { action: string }[] }>(
    await api.get(orgUrl(team.accountId, `/audit-events?action=member.&limit=1&cursor=${audit.data.nextCursor}`)),
    200,
  );
  expect(next.data.events[0]!.action).toBe("member.role_changed");
  const badLimit = await envelope<{ fields: Record<string, string> }>(await api.get(orgUrl(team.accountId, "/audit-events?limit=0")), 422, "VALIDATION_FAILED");
  expect(badLimit.data.fields.limit).toBe("Use a limit of 1 to 200.");
});
