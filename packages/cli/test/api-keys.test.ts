import { describe, expect, it } from "vitest";
import { authenticateApiKey } from "@gatehouse/core";
import { accounts, apiKeys, auditEvents, eq, memberships, users } from "@gatehouse/db";
import { useFreshDatabase } from "./fresh-database";
import { runCli } from "./run-cli";

const fresh = useFreshDatabase((db) => db.insert(users).values({ email: "ada@acme.test", name: "Ada Admin" }));

describe("gatehouse accounts create", () => {
  it("creates an account with an existing user as admin and prints its id alone", async () => {
    const created = await runCli(["accounts", "create", "--name", "Acme", "--slug", "acme", "--admin", "Ada@Acme.test"], fresh.url);
    expect(created.code).toBe(0);
    const id = created.stdout.trim();
    const [account] = await fresh.db.select().from(accounts).where(eq(accounts.id, id));
    expect(account).toMatchObject({ name: "Acme", slug: "acme" });
    const [membership] = await fresh.db.select().from(memberships).where(eq(memberships.accountId, id));
    expect(membership!.role).toBe("admin");
    expect(created.stderr).toContain("ada@acme.test is its admin.");
    const events = await fresh.db.select().from(auditEvents).where(eq(auditEvents.accountId, id));
    expect(events.map((e) => e.action).sort()).toEqual(["account.created", "member.added"]);
  });

  it("refuses a taken slug and a bad slug with clear messages and exit 1", async () => {
    const taken = await runCli(["accounts", "create", "--name", "Other", "--slug", "acme"], fresh.url);
    expect(taken).toMatchObject({ code: 1, stdout: "" });
    expect(taken.stderr).toContain("The slug acme is taken by another account.");
    const bad = await runCli(["accounts", "create", "--name", "Other", "--slug", "Not OK!"], fresh.url);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("Use lower-case letters, digits and single hyphens");
    const missing = await runCli(["accounts", "create", "--name", "Other"], fresh.url);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("--slug");
  });
});

describe("gatehouse api-keys", () => {
  it("creates a key, printing the key alone on stdout; the key authenticates with its scope", async () => {
    const created = await runCli(["api-keys", "create", "--account", "acme", "--name", "CI deploy", "--scope", "write"], fresh.url);
    expect(created.code).toBe(0);
    const token = created.stdout.trim();
    expect(created.stdout).toBe(`${token}\n`);
    expect(token).toMatch(/^gh_[A-Za-z0-9_-]{40,}$/);
    expect(created.stderr).toContain('Created write key "CI deploy"');
    const caller = await authenticateApiKey({ db: fresh.db }, token, null);
    expect(caller).toMatchObject({ ok: true, value: { scope: "write", kind: "account", account: { slug: "acme", role: "admin" } } });
    const [stored] = await fresh.db.select().from(apiKeys).where(eq(apiKeys.name, "CI deploy"));
    expect(stored!.tokenHash).not.toContain(token);
  });

  it("lists keys as JSON without secrets, and revokes one", async () => {
    const created = await runCli(["--json", "api-keys", "create", "--account", "acme", "--name", "Reporting"], fresh.url);
    const key = JSON.parse(created.stdout) as { id: string; token: string; scope: string };
    expect(key.scope).toBe("read");

    const listed = await runCli(["--json", "api-keys", "list", "--account", "acme"], fresh.url);
    expect(listed.stdout).not.toContain(key.token);
    const rows = JSON.parse(listed.stdout) as { id: string; name: string; state: string }[];
    expect(rows.map((r) => r.name).sort()).toEqual(["CI deploy", "Reporting"]);

    const revoked = await runCli(["api-keys", "revoke", key.id, "--account", "acme"], fresh.url);
    expect(revoked.code).toBe(0);
    expect(revoked.stderr).toContain("revoked");
    expect(await authenticateApiKey({ db: fresh.db }, key.token, null)).toEqual({ ok: false, error: "revoked" });
    const text = await runCli(["api-keys", "list", "--account", "acme"], fresh.url);
    expect(text.stdout).toMatch(/Reporting\taccount\tread\trevoked/);
  });

  it("refuses an unknown account, a bad scope, a bad expiry and an unknown key, each with exit 1", async () => {
    const unknown = await runCli(["api-keys", "create", "--account", "nope", "--name", "x"], fresh.url);
    expect(unknown).toMatchObject({ code: 1, stdout: "" });
    expect(unknown.stderr).toContain("No account with the slug nope");
    const scope = await runCli(["api-keys", "create", "--account", "acme", "--name", "x", "--scope", "admin"], fresh.url);
    expect(scope.code).toBe(1);
    expect(scope.stderr).toContain("Allowed choices are read, write");
    const expiry = await runCli(["api-keys", "create", "--account", "acme", "--name", "x", "--expires", "soon"], fresh.url);
    expect(expiry.code).toBe(1);
    expect(expiry.stderr).toContain("--expires soon is not a date");
    const past = await runCli(["api-keys", "create", "--account", "acme", "--name", "x", "--expires", "2020-01-01"], fresh.url);
    expect(past.stderr).toContain("Choose an expiry date in the future");
    const revoke = await runCli(["api-keys", "revoke", "00000000-0000-4000-8000-000000000000", "--account", "acme"], fresh.url);
    expect(revoke.code).toBe(1);
    expect(revoke.stderr).toContain("No such key in this account.");
  });

  it("answers --help", async () => {
    const help = await runCli(["api-keys", "create", "--help"], "postgres://nobody@127.0.0.1:1/none");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--scope <scope>");
  });
});
