import { describe, expect, it } from "vitest";
import { scimRequestLog, scimTokens, eq } from "@gatehouse/db";
import {
  decodeScimLogCursor,
  disableScim,
  enableScim,
  encodeScimLogCursor,
  ensureAccount,
  ensureMember,
  getScimConsoleView,
  listAuditEvents,
  listScimRequestLog,
  revokeScimDirectoryToken,
  rotateScimDirectoryToken,
  runScimSelfTest,
  scimBaseUrl,
  SCIM_TOKEN_GRACE_HOURS,
  setScimDefaultRole,
  verifyScimToken,
} from "../src";
import { startFakeScimServer } from "./fake-scim-server";
import { insertOktaConnection } from "./connection-fixture";
import { useCoreContext } from "./harness";

const env = useCoreContext();

async function setup(tag: string) {
  const account = await ensureAccount(env.db, { name: `Scim console ${tag}`, slug: `scim-console-${tag}` });
  const admin = await ensureMember(env.db, { accountId: account.id, email: `admin-${tag}@test.dev`, name: "Ada", role: "admin", password: "admin-password" });
  const member = await ensureMember(env.db, {
    accountId: account.id,
    email: `member-${tag}@test.dev`,
    name: "Max",
    role: "member",
    password: "member-password",
  });
  const connection = await insertOktaConnection(env.db, account.id);
  const actor = { userId: admin.id, label: admin.email, ip: "127.0.0.1" };
  const memberActor = { userId: member.id, label: member.email, ip: "127.0.0.1" };
  return { account, connection, actor, memberActor, input: { accountId: account.id, connectionId: connection.id, actor } };
}

describe("SCIM console operations", () => {
  it("enable creates the directory and returns a working token once; a second enable is refused", async () => {
    const { input, account } = await setup("e1");
    const enabled = await enableScim(env.ctx, input);
    if (!enabled.ok) throw new Error(enabled.error);
    expect(enabled.value.baseUrl).toBe(`http://app.test/scim/v2/${enabled.value.directoryId}`);
    expect(enabled.value.baseUrl).toBe(scimBaseUrl("http://app.test/", enabled.value.directoryId));
    expect(await verifyScimToken(env.db, enabled.value.directoryId, enabled.value.token)).not.toBeNull();
    // Checking a token is not using it: last use is written when a SCIM request is accepted (scim-api.test.ts).
    const view = await getScimConsoleView(env.ctx, account.id, input.connectionId);
    expect(view?.tokens).toEqual([expect.objectContaining({ prefix: enabled.value.prefix, state: "active", lastUsedAt: null })]);
    expect(JSON.stringify(view)).not.toContain(enabled.value.token);
    expect(await enableScim(env.ctx, input)).toEqual({ ok: false, error: "SCIM is already on for this connection. Rotate the token if you need a new one." });
    expect((await listAuditEvents(env.db, account.id)).map((e) => e.action)).toContain("scim.enabled");
  });

  it("refuses members and other accounts' connections", async () => {
    const a = await setup("e2a");
    const b = await setup("e2b");
    expect(await enableScim(env.ctx, { ...a.input, actor: a.memberActor })).toEqual({ ok: false, error: "Only account admins can manage SCIM provisioning." });
    expect(await enableScim(env.ctx, { ...a.input, connectionId: b.connection.id })).toEqual({ ok: false, error: "That connection no longer exists." });
    await enableScim(env.ctx, b.input);
    expect((await rotateScimDirectoryToken(env.ctx, { ...a.input, connectionId: b.connection.id })).ok).toBe(false);
    expect((await disableScim(env.ctx, { ...a.input, connectionId: b.connection.id })).ok).toBe(false);
  });

  it("rotate keeps the old token for the grace period; revoke stops one at once; all audited", async () => {
    const { input, account } = await setup("e3");
    const first = await enableScim(env.ctx, input);
    if (!first.ok) throw new Error(first.error);
    const dirId = first.value.directoryId;
    const rotated = await rotateScimDirectoryToken(env.ctx, input);
    if (!rotated.ok) throw new Error(rotated.error);
    expect(rotated.value.graceHours).toBe(SCIM_TOKEN_GRACE_HOURS);
    expect(await verifyScimToken(env.db, dirId, first.value.token)).not.toBeNull();
    expect(await verifyScimToken(env.db, dirId, first.value.token, new Date(rotated.value.graceUntil.getTime() + 1000))).toBeNull();
    const view = await getScimConsoleView(env.ctx, account.id, input.connectionId);
    expect(view?.tokens.map((t) => [t.prefix, t.state])).toEqual([
      [rotated.value.prefix, "active"],
      [first.value.prefix, "grace"],
    ]);
    const oldId = view!.tokens[1]!.id;
    expect(await revokeScimDirectoryToken(env.ctx, { ...input, tokenId: oldId })).toEqual({ ok: true, value: { prefix: first.value.prefix } });
    expect(await verifyScimToken(env.db, dirId, first.value.token)).toBeNull();
    expect((await revokeScimDirectoryToken(env.ctx, { ...input, tokenId: oldId })).ok).toBe(false);
    const actions = (await listAuditEvents(env.db, account.id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["scim.enabled", "scim.token_rotated", "scim.token_revoked"]));
  });

  it("default role and disable: disable revokes every token; enabling again issues a fresh one", async () => {
    const { input, account } = await setup("e4");
    const first = await enableScim(env.ctx, input);
    if (!first.ok) throw new Error(first.error);
    expect(await setScimDefaultRole(env.ctx, { ...input, role: "admin" })).toEqual({ ok: true, value: undefined });
    expect((await getScimConsoleView(env.ctx, account.id, input.connectionId))?.directory.defaultRole).toBe("admin");
    expect(await disableScim(env.ctx, input)).toEqual({ ok: true, value: { tokensRevoked: 1 } });
    expect(await verifyScimToken(env.db, first.value.directoryId, first.value.token)).toBeNull();
    expect((await setScimDefaultRole(env.ctx, { ...input, role: "member" })).ok).toBe(false);
    const again = await enableScim(env.ctx, input);
    if (!again.ok) throw new Error(again.error);
    expect(again.value.directoryId).toBe(first.value.directoryId);
    expect(await verifyScimToken(env.db, again.value.directoryId, again.value.token)).not.toBeNull();
    const actions = (await listAuditEvents(env.db, account.id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["scim.default_role_changed", "scim.disabled"]));
  });

  it("lists the request log newest first, a page at a time, without repeats or gaps", async () => {
    const { input } = await setup("e5");
    const enabled = await enableScim(env.ctx, input);
    if (!enabled.ok) throw new Error(enabled.error);
    const base = Date.now();
    // Two rows share a timestamp, so the cursor must break ties by id.
    const rows = Array.from({ length: 7 }, (_, i) => ({
      directoryId: enabled.value.directoryId,
      at: new Date(base - Math.min(i, 5) * 1000),
      method: "POST",
      path: "/Users",
      status: i === 3 ? 409 : 201,
      summary: `request ${i}`,
      error: i === 3 ? "uniqueness: userName is taken" : null,
    }));
    await env.db.insert(scimRequestLog).values(rows);
    const seen: string[] = [];
    let before = null as ReturnType<typeof decodeScimLogCursor>;
    for (let pageNo = 0; pageNo < 5; pageNo++) {
      const page = await listScimRequestLog(env.db, enabled.value.directoryId, { limit: 3, before });
      seen.push(...page.entries.map((e) => e.summary!));
      if (!page.next) break;
      before = decodeScimLogCursor(encodeScimLogCursor(page.next));
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen.slice(0, 5)).toEqual(["request 0", "request 1", "request 2", "request 3", "request 4"]);
    expect(decodeScimLogCursor("nonsense")).toBeNull();
    const [tokenRow] = await env.db.select().from(scimTokens).where(eq(scimTokens.directoryId, enabled.value.directoryId));
    expect(tokenRow?.revokedAt).toBeNull();
  });
});

describe("Run self-test", () => {
  it("uses a fresh token that works during the test and is revoked after; audits the outcome", async () => {
    const { input, account, memberActor } = await setup("s1");
    const enabled = await enableScim(env.ctx, input);
    if (!enabled.ok) throw new Error(enabled.error);
    const dirId = enabled.value.directoryId;
    const used = new Set<string>();
    const server = await startFakeScimServer({
      authorise: async (token) => {
        used.add(token);
        return (await verifyScimToken(env.db, dirId, token)) !== null;
      },
    });
    try {
      expect((await runScimSelfTest(env.ctx, { ...input, actor: memberActor, baseUrl: server.url })).ok).toBe(false);
      const report = await runScimSelfTest(env.ctx, { ...input, baseUrl: `${server.url}/scim/v2/${dirId}` });
      if (!report.ok) throw new Error(report.error);
      expect(report.value.ok).toBe(true);
      expect(report.value.steps.every((s) => s.status === "pass")).toBe(true);
      expect(used.size).toBe(1);
      const [selfTestToken] = [...used];
      expect(selfTestToken).not.toBe(enabled.value.token);
      expect(await verifyScimToken(env.db, dirId, selfTestToken!)).toBeNull();
      expect(await verifyScimToken(env.db, dirId, enabled.value.token)).not.toBeNull();
      const audit = (await listAuditEvents(env.db, account.id)).find((e) => e.action === "scim.self_test_run");
      expect(audit?.metadata).toEqual({ passed: true, failed: [] });
    } finally {
      await server.stop();
    }
  });

  it("refuses a directory that is not switched on", async () => {
    const { input } = await setup("s2");
    expect(await runScimSelfTest(env.ctx, input)).toEqual({ ok: false, error: "SCIM is not switched on for this connection. Enable SCIM 2.0 first." });
  });
});
