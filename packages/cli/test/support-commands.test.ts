import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { accounts, auditEvents, createDatabase, desc, emailOutbox, eq, memberships, sessions, ssoConnections, users, type Database } from "@gatehouse/db";
import { createFreshDatabase } from "@gatehouse/db/testing";
import { runCli } from "./run-cli";

let url: string;
let drop: () => Promise<void>;
let db: Database;
let accountId: string;
let connectionId: string;

const MAPPING = { email: "email", firstName: "given_name", lastName: "family_name", displayName: "name", username: "preferred_username", picture: "picture" };

beforeAll(async () => {
  ({ url, drop } = await createFreshDatabase(inject("pgAdminUrl")));
  db = createDatabase(url, { max: 1 });
  const [account] = await db.insert(accounts).values({ name: "Initech", slug: "initech", authRequired: "sso" }).returning();
  accountId = account!.id;
  const people = await db
    .insert(users)
    .values([
      { email: "bill@initech.test", name: "Bill" },
      { email: "milton@initech.test", name: "Milton", passwordHash: "x" },
    ])
    .returning();
  await db.insert(memberships).values(people.map((p, i) => ({ accountId, userId: p.id, role: i === 0 ? ("admin" as const) : ("member" as const) })));
  const [connection] = await db
    .insert(ssoConnections)
    .values({ accountId, provider: "okta", name: "Okta", buttonText: "Sign in with Okta", enabled: true, verifiedAt: new Date(), attributeMapping: MAPPING })
    .returning();
  connectionId = connection!.id;
  await db.insert(sessions).values({
    idHash: "sso-session",
    userId: people[0]!.id,
    method: "sso",
    connectionId,
    grantedAccountIds: [accountId],
    expiresAt: new Date(Date.now() + 86_400_000),
  });
});
afterAll(async () => {
  await db.$client.end();
  await drop();
});

describe("gatehouse accounts list", () => {
  it("lists accounts as lines, and as JSON with --json after the command", async () => {
    const listed = await runCli(["accounts", "list"], url);
    expect(listed).toMatchObject({ code: 0, stdout: "initech\tInitech\tsso\t2 members\t-\n" });
    const json = await runCli(["accounts", "list", "--json", "--search", "milton@initech"], url);
    expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining({ slug: "initech", name: "Initech", memberCount: 2 })]);
    const none = await runCli(["accounts", "list", "--search", "globex"], url);
    expect(none).toMatchObject({ code: 0, stdout: "" });
    expect(none.stderr).toContain("No account matches globex.");
  });
});

describe("gatehouse sso disable", () => {
  it("refuses an unknown account and a missing reason, changing nothing", async () => {
    const unknown = await runCli(["sso", "disable", "--account", "globex", "--reason", "Ticket 1: IdP gone"], url);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("No account with the slug globex.");
    const noReason = await runCli(["sso", "disable", "--account", "initech"], url);
    expect(noReason.code).not.toBe(0);
    expect(noReason.stderr).toContain("--reason <text>");
    const blank = await runCli(["sso", "disable", "--account", "initech", "--reason", "  "], url);
    expect(blank.code).toBe(1);
    expect(blank.stderr).toContain("Give a reason");
    const [connection] = await db.select().from(ssoConnections).where(eq(ssoConnections.id, connectionId));
    expect(connection!.enabled).toBe(true);
  });

  it("switches SSO off, ends SSO sessions and records the operator with the reason", async () => {
    const result = await runCli(["sso", "disable", "--account", "initech", "--reason", "Ticket 12: Okta tenant deleted"], url);
    expect(result).toMatchObject({ code: 0, stdout: "initech\n" });
    expect(result.stderr).toContain("1 connection(s) switched off");
    expect(result.stderr).toContain("1 SSO session(s) ended");
    const [account] = await db.select().from(accounts).where(eq(accounts.id, accountId));
    expect(account!.authRequired).toBe("any");
    expect(await db.select().from(sessions)).toEqual([]);
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.accountId, accountId)).orderBy(desc(auditEvents.createdAt)).limit(1);
    expect(event).toMatchObject({
      action: "sso.disabled",
      metadata: expect.objectContaining({ reason: "Ticket 12: Okta tenant deleted", bySupport: true, byOperator: true }),
    });
    expect(event!.actorLabel).toMatch(/^Gatehouse support \(operator CLI, .+\)$/);
  });
});

describe("gatehouse password-resets send", () => {
  it("sends to named members only, telling them to keep their login", async () => {
    const result = await runCli(["password-resets", "send", "--account", "initech", "--reason", "Ticket 12: SSO off", "--email", "Bill@Initech.test"], url);
    expect(result).toMatchObject({ code: 0, stdout: "1\n" });
    const mails = await db.select().from(emailOutbox);
    expect(mails.map((m) => m.to)).toEqual(["bill@initech.test"]);
    expect(mails[0]!.text).toContain("do not create a new one");
    expect(mails[0]!.text).toContain("http://localhost:3000/reset-password?token=");
  });

  it("sends to every member without --email, and refuses a stranger's email", async () => {
    const stranger = await runCli(["password-resets", "send", "--account", "initech", "--reason", "Ticket 12: SSO off", "--email", "nobody@initech.test"], url);
    expect(stranger.code).toBe(1);
    expect(stranger.stderr).toContain("No user with the email nobody@initech.test.");
    const all = await runCli(["--json", "password-resets", "send", "--account", "initech", "--reason", "Ticket 12: SSO off"], url);
    expect(JSON.parse(all.stdout)).toEqual({ account: "initech", sent: 2, rateLimited: [] });
  });
});

describe("gatehouse enforcement suspend", () => {
  it("refuses hours outside 1 to 72, then suspends and emails the admins", async () => {
    const tooLong = await runCli(["enforcement", "suspend", "--account", "initech", "--hours", "100", "--reason", "Ticket 13: IdP outage"], url);
    expect(tooLong.code).toBe(1);
    expect(tooLong.stderr).toContain("from 1 to 72");
    const before = Date.now();
    const result = await runCli(["enforcement", "suspend", "--account", "initech", "--hours", "3", "--reason", "Ticket 13: IdP outage"], url);
    expect(result.code).toBe(0);
    const until = new Date(result.stdout.trim()).getTime();
    expect(until).toBeGreaterThanOrEqual(before + 3 * 3_600_000);
    const [account] = await db.select().from(accounts).where(eq(accounts.id, accountId));
    expect(account!.enforcementSuspendedUntil?.getTime()).toBe(until);
    const mails = await db.select().from(emailOutbox).where(eq(emailOutbox.template, "enforcement-suspended"));
    expect(mails.map((m) => m.to)).toEqual(["bill@initech.test"]);
  });
});
