import { describe, expect, it } from "vitest";
import { users } from "@gatehouse/db";
import { useFreshDatabase } from "./fresh-database";
import { runCli } from "./run-cli";

const fresh = useFreshDatabase((db) => db.insert(users).values({ email: "support@gatehouse.test", name: "Sam Support" }));

describe("gatehouse staff", () => {
  it("adds an existing user as staff, prints the email alone on stdout, and lists them", async () => {
    const added = await runCli(["staff", "add", "Support@Gatehouse.test"], fresh.url);
    expect(added).toMatchObject({ code: 0, stdout: "support@gatehouse.test\n" });
    expect(added.stderr).toContain("is now staff");

    const again = await runCli(["staff", "add", "support@gatehouse.test"], fresh.url);
    expect(again.stderr).toContain("already staff");

    const listed = await runCli(["--json", "staff", "list"], fresh.url);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ email: "support@gatehouse.test", name: "Sam Support" })]);
  });

  it("refuses an unknown email with a clear message and a non-zero exit", async () => {
    const result = await runCli(["staff", "add", "nobody@gatehouse.test"], fresh.url);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("No user with the email nobody@gatehouse.test");
  });

  it("removes the flag", async () => {
    const removed = await runCli(["staff", "remove", "support@gatehouse.test"], fresh.url);
    expect(removed.code).toBe(0);
    const listed = await runCli(["--json", "staff", "list"], fresh.url);
    expect(JSON.parse(listed.stdout)).toEqual([]);
  });

  it("answers --help without touching a database", async () => {
    const help = await runCli(["staff", "--help"], "postgres://nobody@127.0.0.1:1/none");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("add <email>");
  });
});
