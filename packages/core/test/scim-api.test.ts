import { describe, expect, it } from "vitest";
import {
  and,
  auditEvents,
  eq,
  loginProviderIdentities,
  loginProviders,
  memberships,
  scimDirectories,
  scimRequestLog,
  scimTokens,
  scimUsers,
  users,
  sql,
} from "@gatehouse/db";
import {
  createSession,
  ensureAccount,
  ensureMember,
  handleScimRequest,
  issueScimToken,
  pruneScimRequestLogs,
  resolveSession,
  runScimConformanceSteps,
  selfTestUserName,
} from "../src";
import { hashPassword } from "../src/passwords";
import { insertOktaConnection } from "./connection-fixture";
import { useCoreContext } from "./harness";

const env = useCoreContext();
const CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

type Dir = { id: string; accountId: string; token: string };

async function directory(tag: string, opts: { defaultRole?: "admin" | "member" } = {}): Promise<Dir> {
  const account = await ensureAccount(env.db, { name: `Scim ${tag}`, slug: `scim-api-${tag}` });
  const connection = await insertOktaConnection(env.db, account.id);
  const [dir] = await env.db
    .insert(scimDirectories)
    .values({ accountId: account.id, connectionId: connection.id, defaultRole: opts.defaultRole ?? "member" })
    .returning();
  const issued = await issueScimToken(env.db, dir!.id);
  return { id: dir!.id, accountId: account.id, token: issued.token };
}

type CallOptions = { token?: string | null; contentType?: string; raw?: string; rateLimitPerMinute?: number; directoryId?: string };

/** One request through the same function the route calls, with the exact shape an IdP sends. */
async function call(dir: Dir, method: string, path: string, body?: unknown, opts: CallOptions = {}) {
  const url = new URL(`http://app.test/scim/v2/${dir.id}${path}`);
  const headers = new Headers({ Accept: "application/scim+json" });
  const token = opts.token === undefined ? dir.token : opts.token;
  if (token) headers.set("Authorization", `Bearer ${token}`);
  const payload = opts.raw ?? (body === undefined ? undefined : JSON.stringify(body));
  if (payload !== undefined) headers.set("Content-Type", opts.contentType ?? "application/scim+json; charset=utf-8");
  const res = await handleScimRequest(env.ctx, new Request(url, { method, headers, body: payload }), {
    directoryId: opts.directoryId ?? dir.id,
    path: url.pathname.split("/").slice(4).filter(Boolean).map(decodeURIComponent),
    baseUrl: `http://app.test/scim/v2/${dir.id}`,
    ip: "203.0.113.9",
    rateLimitPerMinute: opts.rateLimitPerMinute,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, any>) : null };
}

const memberRole = async (accountId: string, email: string) => {
  const [row] = await env.db
    .select({ role: memberships.role, source: memberships.source })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.accountId, accountId), sql`lower(${users.email}) = ${email.toLowerCase()}`));
  return row ?? null;
};

// Okta's documented POST /Users (developer.okta.com "SCIM 2.0 protocol reference").
const oktaUser = (email: string, externalId: string) => ({
  schemas: [CORE],
  userName: email,
  name: { givenName: "Test", familyName: "User" },
  emails: [{ primary: true, value: email, type: "work" }],
  displayName: "Test User",
  locale: "en-US",
  externalId,
  groups: [],
  password: "1mz050nq",
  active: true,
});

describe("SCIM: auth, content and limits", () => {
  it("401 with a SCIM error without a token, with a bad one, and with another directory's token", async () => {
    const dir = await directory("auth1");
    const other = await directory("auth2");
    for (const token of [null, "gh_scim_nope", other.token]) {
      const res = await call(dir, "GET", "/Users", undefined, { token });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "401" });
      expect(res.headers.get("content-type")).toContain("application/scim+json");
    }
    // Unauthenticated callers cannot flood the log: one 401 row a minute per directory.
    const logged = await env.db.select().from(scimRequestLog).where(eq(scimRequestLog.directoryId, dir.id));
    expect(logged.filter((r) => r.status === 401)).toHaveLength(1);
  });

  it("403 when the directory is turned off", async () => {
    const dir = await directory("off");
    await env.db.update(scimDirectories).set({ enabled: false }).where(eq(scimDirectories.id, dir.id));
    expect((await call(dir, "GET", "/Users")).status).toBe(403);
    // A refused request does not count as the token's use.
    const [token] = await env.db.select({ lastUsedAt: scimTokens.lastUsedAt }).from(scimTokens).where(eq(scimTokens.directoryId, dir.id));
    expect(token!.lastUsedAt).toBeNull();
  });

  it("a request refused by the rate limit leaves the token's last use alone; an accepted one records it", async () => {
    const dir = await directory("touch");
    const lastUsed = async () =>
      (await env.db.select({ lastUsedAt: scimTokens.lastUsedAt }).from(scimTokens).where(eq(scimTokens.directoryId, dir.id)))[0]!.lastUsedAt;
    expect((await call(dir, "GET", "/Users", undefined, { rateLimitPerMinute: 0 })).status).toBe(429);
    expect(await lastUsed()).toBeNull();
    expect((await call(dir, "GET", "/Users")).status).toBe(200);
    expect(await lastUsed()).toBeInstanceOf(Date);
  });

  it("answers discovery endpoints", async () => {
    const dir = await directory("disc");
    const spc = await call(dir, "GET", "/ServiceProviderConfig");
    expect(spc.body).toMatchObject({ patch: { supported: true }, filter: { supported: true }, bulk: { supported: false } });
    expect((await call(dir, "GET", "/ResourceTypes")).body!.Resources.map((r: { id: string }) => r.id)).toEqual(["User", "Group"]);
    expect((await call(dir, "GET", "/ResourceTypes/User")).body!.schemaExtensions[0].schema).toBe(ENT);
    expect((await call(dir, "GET", `/Schemas/${CORE}`)).body!.id).toBe(CORE);
    expect((await call(dir, "GET", "/Nope")).status).toBe(404);
  });

  it("malformed JSON, a wrong content type, and bodies over 1 MB are refused with SCIM errors", async () => {
    const dir = await directory("body");
    const bad = await call(dir, "POST", "/Users", undefined, { raw: '{"userName": "x@' });
    expect(bad.status).toBe(400);
    expect(bad.body!.scimType).toBe("invalidSyntax");
    expect((await call(dir, "POST", "/Users", undefined, { raw: "userName=x", contentType: "application/x-www-form-urlencoded" })).status).toBe(415);
    const json = await call(dir, "POST", "/Users", oktaUser("plainjson@acme.test", "pj"), { contentType: "application/json" });
    expect(json.status).toBe(201);
    const huge = JSON.stringify({ ...oktaUser("huge@acme.test", "h"), pad: "x".repeat(1_048_576) });
    expect((await call(dir, "POST", "/Users", undefined, { raw: huge })).status).toBe(413);
    // A body just under the limit is read (and the log keeps only a preview of it).
    const big = JSON.stringify({ ...oktaUser("big@acme.test", "b"), pad: "x".repeat(1_000_000) });
    expect((await call(dir, "POST", "/Users", undefined, { raw: big })).status).toBe(201);
    const [row] = await env.db
      .select()
      .from(scimRequestLog)
      .where(and(eq(scimRequestLog.directoryId, dir.id), eq(scimRequestLog.status, 201)))
      .orderBy(sql`${scimRequestLog.at} desc`)
      .limit(1);
    expect(JSON.stringify(row!.requestBody).length).toBeLessThan(10_000);
  });

  it("429 with Retry-After past the per-token limit", async () => {
    const dir = await directory("rate");
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(dir, "GET", "/Users", undefined, { rateLimitPerMinute: 3 })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await call(dir, "GET", "/Users", undefined, { rateLimitPerMinute: 3 });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.body!.status).toBe("429");
  });
});

describe("SCIM: Okta", () => {
  it("provisions, finds, updates with PUT, deactivates with PATCH active:false, re-activates with the previous role", async () => {
    const dir = await directory("okta");
    const email = "test.user@okta.local";
    const lookup = await call(dir, "GET", `/Users?filter=${encodeURIComponent(`userName eq "${email}"`)}&startIndex=1&count=100`);
    expect(lookup.body).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], totalResults: 0, Resources: [] });

    const created = await call(dir, "POST", "/Users", oktaUser(email, "00ujl29u0le5T6Aj10h7"));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ userName: email, active: true, externalId: "00ujl29u0le5T6Aj10h7", name: { givenName: "Test" } });
    expect(JSON.stringify(created.body)).not.toContain("1mz050nq");
    const id = created.body!.id as string;
    expect(await memberRole(dir.accountId, email)).toEqual({ role: "member", source: "scim" });
    const invite = await env.smtp.waitForEmail({ to: email });
    expect(invite.subject).toBe("You now have access to Scim okta on Gatehouse");
    expect(invite.text).toContain("There is no password to set");

    const found = await call(dir, "GET", `/Users?filter=${encodeURIComponent(`userName eq "TEST.USER@okta.local"`)}`);
    expect(found.body!.totalResults).toBe(1);
    expect((await call(dir, "GET", `/Users/${id}`)).body!.id).toBe(id);

    // An admin promotes the member; deactivation remembers the role and re-activation restores it.
    const [user] = await env.db.select().from(users).where(eq(users.email, email));
    await env.db.update(memberships).set({ role: "admin" }).where(eq(memberships.userId, user!.id));
    const sid = await createSession(env.ctx, { userId: user!.id, method: "sso", accountId: dir.accountId });

    const put = await call(dir, "PUT", `/Users/${id}`, { ...oktaUser(email, "00ujl29u0le5T6Aj10h7"), id, name: { givenName: "Tess", familyName: "User" } });
    expect(put.status).toBe(200);
    expect(put.body!.name.givenName).toBe("Tess");
    expect((await env.db.select().from(users).where(eq(users.id, user!.id)))[0]!.name).toBe("Tess User");

    const off = await call(dir, "PATCH", `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: "replace", value: { active: false } }] });
    expect(off.status).toBe(200);
    expect(off.body!.active).toBe(false);
    expect(await memberRole(dir.accountId, email)).toBeNull();
    expect(await resolveSession(env.ctx, sid)).toBeNull();

    const on = await call(dir, "PATCH", `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: "replace", value: { active: true } }] });
    expect(on.body!.active).toBe(true);
    expect(await memberRole(dir.accountId, email)).toEqual({ role: "admin", source: "scim" });

    const audit = await env.db
      .select({ action: auditEvents.action, actor: auditEvents.actorLabel })
      .from(auditEvents)
      .where(eq(auditEvents.accountId, dir.accountId));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["scim.user_created", "scim.member_added", "scim.member_deactivated", "scim.member_reactivated"]),
    );
    expect(new Set(audit.map((a) => a.actor))).toEqual(new Set(["SCIM (Okta)"]));
    const log = await env.db.select().from(scimRequestLog).where(eq(scimRequestLog.directoryId, dir.id));
    expect(log.find((r) => r.method === "POST")!.summary).toMatch(/^Created test.user@okta.local; added test.user@okta.local as Member/);
    expect(JSON.stringify(log.map((r) => r.requestBody))).not.toContain("1mz050nq");
  });

  it("a duplicate userName is 409 uniqueness; deleting then re-creating works", async () => {
    const dir = await directory("dup");
    const first = await call(dir, "POST", "/Users", oktaUser("dup@acme.test", "d1"));
    const second = await call(dir, "POST", "/Users", oktaUser("second@acme.test", "d3"));
    const rename = await call(dir, "PATCH", `/Users/${second.body!.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "replace", path: "userName", value: "Dup@acme.test" }],
    });
    expect(rename.body).toMatchObject({ status: "409", scimType: "uniqueness" });
    const again = await call(dir, "POST", "/Users", oktaUser("DUP@acme.test", "d2"));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ status: "409", scimType: "uniqueness" });
    expect((await call(dir, "DELETE", `/Users/${first.body!.id}`)).status).toBe(204);
    expect(await memberRole(dir.accountId, "dup@acme.test")).toBeNull();
    expect((await call(dir, "GET", `/Users/${first.body!.id}`)).status).toBe(404);
    const recreated = await call(dir, "POST", "/Users", oktaUser("dup@acme.test", "d1"));
    expect(recreated.status).toBe(201);
    expect(await memberRole(dir.accountId, "dup@acme.test")).toEqual({ role: "member", source: "scim" });
  });

  it("concurrent duplicate POSTs create exactly one user", async () => {
    const dir = await directory("race");
    const results = await Promise.all(Array.from({ length: 6 }, () => call(dir, "POST", "/Users", oktaUser("race@acme.test", "r1"))));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body!.scimType === "uniqueness")).toBe(true);
    expect(await env.db.select().from(scimUsers).where(eq(scimUsers.directoryId, dir.id))).toHaveLength(1);
    expect(await env.db.select().from(users).where(eq(users.email, "race@acme.test"))).toHaveLength(1);
  });
});

describe("SCIM: Entra ID", () => {
  // Shapes from Microsoft Learn, "Tutorial: Develop and plan provisioning for a SCIM endpoint".
  const entraUser = (email: string, externalId: string) => ({
    schemas: [CORE, ENT],
    externalId,
    userName: email,
    active: true,
    emails: [{ primary: true, type: "work", value: email }],
    meta: { resourceType: "User" },
    name: { formatted: "givenName familyName", familyName: "familyName", givenName: "givenName" },
    roles: [],
    [ENT]: { department: "R&D", employeeNumber: "42" },
  });

  it("creates with the enterprise extension, filters, and applies Entra's PATCH quirks", async () => {
    const dir = await directory("entra");
    const none = await call(dir, "GET", `/Users?filter=${encodeURIComponent('userName eq "non-existent user"')}`);
    expect(none.body).toMatchObject({ totalResults: 0, Resources: [] });
    const created = await call(dir, "POST", "/Users", entraUser("Entra.User@contoso.test", "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef"));
    expect(created.status).toBe(201);
    expect(created.body!.schemas).toEqual([CORE, ENT]);
    expect(created.body![ENT]).toEqual({ department: "R&D", employeeNumber: "42" });
    const id = created.body!.id as string;

    const byExternal = await call(dir, "GET", `/Users?filter=${encodeURIComponent('externalId eq "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef"')}`);
    expect(byExternal.body!.Resources[0].id).toBe(id);
    const byEmail = await call(dir, "GET", `/Users?filter=${encodeURIComponent('emails[type eq "work"].value eq "entra.user@contoso.test"')}`);
    expect(byEmail.body!.totalResults).toBe(1);
    const both = await call(dir, "GET", `/Users?filter=${encodeURIComponent('userName eq "nobody" or externalId eq "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef"')}`);
    expect(both.body!.totalResults).toBe(1);
    expect((await call(dir, "GET", `/Users?filter=${encodeURIComponent("userName eq")}`)).body!.scimType).toBe("invalidFilter");

    const patched = await call(dir, "PATCH", `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [
        { op: "Replace", path: 'emails[type eq "work"].value', value: "updated.email@contoso.test" },
        { op: "Replace", path: "name.familyName", value: "updatedFamilyName" },
        { op: "Add", value: { "name.givenName": "Zoë", [`${ENT}:department`]: "Ops", displayName: "Zoë U" } },
      ],
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: { familyName: "updatedFamilyName", givenName: "Zoë" }, displayName: "Zoë U", [ENT]: { department: "Ops" } });
    expect(patched.body!.emails[0].value).toBe("updated.email@contoso.test");

    // userName is still the old address, so the member's email stays with it; a userName change moves it.
    const renamed = await call(dir, "PATCH", `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "Replace", path: "userName", value: "renamed@contoso.test" }],
    });
    expect(renamed.body!.userName).toBe("renamed@contoso.test");
    expect(await memberRole(dir.accountId, "renamed@contoso.test")).toEqual({ role: "member", source: "scim" });

    const off = await call(dir, "PATCH", `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: "Replace", path: "active", value: "False" }] });
    expect(off.body!.active).toBe(false);
    expect(await memberRole(dir.accountId, "renamed@contoso.test")).toBeNull();
  });

  it("stores Groups without touching roles", async () => {
    const dir = await directory("groups");
    const u = await call(dir, "POST", "/Users", entraUser("g@contoso.test", "g1"));
    const g = await call(dir, "POST", "/Groups", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
      externalId: "8aa1a0c0",
      displayName: "Admins",
      members: [],
    });
    expect(g.status).toBe(201);
    const add = await call(dir, "PATCH", `/Groups/${g.body!.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "Add", path: "members", value: [{ value: u.body!.id }] }],
    });
    expect(add.body!.members.map((m: { value: string }) => m.value)).toEqual([u.body!.id]);
    expect((await call(dir, "GET", `/Groups?filter=${encodeURIComponent('displayName eq "Admins"')}`)).body!.totalResults).toBe(1);
    const remove = await call(dir, "PATCH", `/Groups/${g.body!.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "Remove", path: `members[value eq "${u.body!.id}"]` }],
    });
    expect(remove.body!.members).toEqual([]);
    expect(await memberRole(dir.accountId, "g@contoso.test")).toEqual({ role: "member", source: "scim" });
    expect((await call(dir, "DELETE", `/Groups/${g.body!.id}`)).status).toBe(204);
  });
});

describe("SCIM: JumpCloud", () => {
  // JumpCloud's Test Connection creates a throwaway user, reads it back, and deletes it.
  it("Test Connection: create, get, PUT, delete", async () => {
    const dir = await directory("jc");
    const body = {
      schemas: [CORE, ENT],
      userName: "jc.test@acme.test",
      externalId: "5f1e",
      name: { givenName: "JumpCloud", familyName: "Test" },
      displayName: "JumpCloud Test",
      emails: [{ value: "jc.test@acme.test", type: "work", primary: true }],
      active: true,
      [ENT]: { employeeNumber: "" },
    };
    const created = await call(dir, "POST", "/Users", body);
    expect(created.status).toBe(201);
    const id = created.body!.id;
    expect((await call(dir, "GET", `/Users/${id}`)).status).toBe(200);
    expect((await call(dir, "PUT", `/Users/${id}`, { ...body, active: false })).body!.active).toBe(false);
    expect((await call(dir, "DELETE", `/Users/${id}`)).status).toBe(204);
    expect((await call(dir, "GET", `/Users?startIndex=1&count=10`)).body!.totalResults).toBe(0);
  });
});

describe("SCIM: member sync rules", () => {
  it("never takes over another account's user; links one on a verified domain or already a member", async () => {
    const dir = await directory("link");
    const elsewhere = await ensureAccount(env.db, { name: "Elsewhere", slug: "scim-elsewhere" });
    await ensureMember(env.db, { accountId: elsewhere.id, email: "taken@other.test", name: "Taken", role: "member", password: "some-password-1" });
    const refused = await call(dir, "POST", "/Users", oktaUser("taken@other.test", "t1"));
    expect(refused.status).toBe(409);
    expect(refused.body!.scimType).toBe("uniqueness");
    expect(await memberRole(dir.accountId, "taken@other.test")).toBeNull();

    await ensureMember(env.db, { accountId: dir.accountId, email: "already@acme.test", name: "Already", role: "admin", password: "some-password-1" });
    await ensureMember(env.db, { accountId: elsewhere.id, email: "already@acme.test", name: "Already", role: "member", password: "some-password-1" });
    expect((await call(dir, "POST", "/Users", oktaUser("already@acme.test", "a1"))).status).toBe(201);
    expect(await memberRole(dir.accountId, "already@acme.test")).toEqual({ role: "admin", source: expect.any(String) });
    // That person also belongs to "Elsewhere": this IdP cannot move their sign-in to an address off its verified domains.
    const [linked] = (await call(dir, "GET", `/Users?filter=${encodeURIComponent('userName eq "already@acme.test"')}`)).body!.Resources;
    const moved = await call(dir, "PATCH", `/Users/${linked.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "replace", path: "userName", value: "someone-else@elsewhere.test" }],
    });
    expect(moved.body).toMatchObject({ status: "409", scimType: "uniqueness" });
    expect(await memberRole(dir.accountId, "already@acme.test")).not.toBeNull();
  });

  it("a login of someone in no account is not taken over; a user this directory deleted is re-created", async () => {
    const dir = await directory("nobody");
    await env.db.insert(users).values({ email: "loner@else.test", name: "Loner", passwordHash: await hashPassword("a-long-password-1") });
    const refused = await call(dir, "POST", "/Users", oktaUser("loner@else.test", "l1"));
    expect(refused.body).toMatchObject({ status: "409", scimType: "uniqueness" });

    const created = await call(dir, "POST", "/Users", oktaUser("gone@acme.test", "g1"));
    expect((await call(dir, "DELETE", `/Users/${created.body!.id}`)).status).toBe(204);
    expect((await call(dir, "POST", "/Users", oktaUser("gone@acme.test", "g1"))).status).toBe(201);
    expect(await memberRole(dir.accountId, "gone@acme.test")).not.toBeNull();
  });

  it("a social-only login (no password, no account) is not taken over either", async () => {
    const dir = await directory("social");
    const [provider] = await env.db
      .insert(loginProviders)
      .values({
        identifier: "google-scim-test",
        name: "Google",
        discoveryUrl: "https://accounts.google.test/.well-known/openid-configuration",
        clientId: "c",
        attributeMapping: { email: "email", name: "name" } as never,
        buttonText: "Sign in with Google",
      })
      .returning();
    const [socialUser] = await env.db.insert(users).values({ email: "social@else.test", name: "Social" }).returning();
    await env.db
      .insert(loginProviderIdentities)
      .values({ providerId: provider!.id, issuer: "https://accounts.google.test", subject: "g-1", userId: socialUser!.id, email: "social@else.test" });
    const refused = await call(dir, "POST", "/Users", oktaUser("social@else.test", "s1"));
    expect(refused.body).toMatchObject({ status: "409", scimType: "uniqueness" });
    expect(await memberRole(dir.accountId, "social@else.test")).toBeNull();
  });

  it("other directories' ids are 404; unknown attributes are stored; unicode names work; page through with startIndex/count", async () => {
    const dir = await directory("iso1");
    const other = await directory("iso2");
    const mine = await call(dir, "POST", "/Users", { ...oktaUser("李.zoë@acme.test", "u1"), name: { givenName: "Zoë", familyName: "李" }, x_custom: { a: 1 } });
    expect(mine.status).toBe(201);
    expect(mine.body!.x_custom).toEqual({ a: 1 });
    expect((await env.db.select().from(users).where(eq(users.email, "李.zoë@acme.test")))[0]!.name).toBe("Zoë 李");
    for (const method of ["GET", "PUT", "PATCH", "DELETE"]) {
      const res = await call(
        other,
        method,
        `/Users/${mine.body!.id}`,
        method === "PUT"
          ? oktaUser("x@acme.test", "x")
          : method === "PATCH"
            ? { schemas: [PATCH_OP], Operations: [{ op: "replace", value: { active: false } }] }
            : undefined,
      );
      expect(res.status).toBe(404);
    }
    expect((await call(dir, "GET", "/Users/not-a-uuid")).status).toBe(404);
    for (let i = 0; i < 4; i++) await call(dir, "POST", "/Users", oktaUser(`page${i}@acme.test`, `p${i}`));
    const page = await call(dir, "GET", "/Users?startIndex=2&count=2");
    expect(page.body).toMatchObject({ totalResults: 5, startIndex: 2, itemsPerPage: 2 });
  });

  it("the prune sweep keeps 1,000 rows per directory and 30 days", async () => {
    const dir = await directory("prune");
    const now = new Date();
    const rows = Array.from({ length: 1_005 }, (_, i) => ({
      directoryId: dir.id,
      at: new Date(now.getTime() - i * 1000),
      method: "GET",
      path: "/Users",
      status: 200,
    }));
    rows.push({ directoryId: dir.id, at: new Date(now.getTime() - 31 * 86_400_000), method: "GET", path: "/old", status: 200 });
    await env.db.insert(scimRequestLog).values(rows);
    await pruneScimRequestLogs(env.db, now);
    const left = await env.db.select({ path: scimRequestLog.path }).from(scimRequestLog).where(eq(scimRequestLog.directoryId, dir.id));
    expect(left).toHaveLength(1_000);
    expect(left.some((r) => r.path === "/old")).toBe(false);
  });
});

describe("SCIM: the console's self-test against this endpoint", () => {
  it("passes every step, and the throwaway user is gone afterwards", async () => {
    const dir = await directory("selftest");
    const baseUrl = `http://app.test/scim/v2/${dir.id}`;
    const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      return handleScimRequest(env.ctx, request, { directoryId: dir.id, path: url.pathname.split("/").slice(4).filter(Boolean), baseUrl, ip: null });
    }) as typeof fetch;
    const userName = selfTestUserName();
    const steps = await runScimConformanceSteps({ baseUrl, token: dir.token, userName, fetchImpl });
    expect(steps.map((s) => [s.id, s.status, s.detail])).toEqual(steps.map((s) => [s.id, "pass", "As expected."]));
    expect(await env.db.select().from(scimUsers).where(eq(scimUsers.directoryId, dir.id))).toHaveLength(0);
    expect(await memberRole(dir.accountId, userName)).toBeNull();
  });
});
