import { describe, expect, it } from "vitest";
import { accountDomains, ssoConnections } from "@gatehouse/db";
import { ensureAccount, ensureMember, loadEmailRoute } from "../src";
import { useCoreContext } from "./harness";

const env = useCoreContext();

async function account(tag: string) {
  return ensureAccount(env.db, { name: `Team ${tag}`, slug: `team-${tag}` });
}

async function connection(accountId: string, name: string, enabled = true) {
  const [row] = await env.db
    .insert(ssoConnections)
    .values({ accountId, provider: "oidc", name, buttonText: `Sign in with ${name}`, enabled, attributeMapping: {} as never })
    .returning({ id: ssoConnections.id });
  return row!.id;
}

async function domain(accountId: string, name: string, status: "pending" | "verified" | "expired" | "lost", includeSubdomains = false) {
  await env.db.insert(accountDomains).values({ accountId, domain: name, status, includeSubdomains, verificationToken: `token-${name}` });
}

describe("loadEmailRoute (real PostgreSQL)", () => {
  it("routes a verified domain with one switched-on connection straight to it", async () => {
    const acme = await account("r1");
    const okta = await connection(acme.id, "Okta r1");
    await connection(acme.id, "Off r1", false);
    await domain(acme.id, "r1.test", "verified");
    expect((await loadEmailRoute(env.db, "ada@R1.test")).route).toEqual({ kind: "idp", connectionId: okta, accountSlug: "team-r1" });
  });

  it("offers a choice with several connections, oldest first", async () => {
    const acme = await account("r2");
    const first = await connection(acme.id, "First r2");
    const second = await connection(acme.id, "Second r2");
    await domain(acme.id, "r2.test", "verified", true);
    const { route } = await loadEmailRoute(env.db, "ada@eu.r2.test");
    expect(route.kind).toBe("choose");
    if (route.kind === "choose") expect(route.connections.map((c) => c.id)).toEqual([first, second]);
  });

  it("gives the password step for pending, expired and lost domains, and for a domain without SSO", async () => {
    for (const [tag, status] of [
      ["r3", "pending"],
      ["r4", "expired"],
      ["r5", "lost"],
    ] as const) {
      const a = await account(tag);
      await connection(a.id, `Okta ${tag}`);
      await domain(a.id, `${tag}.test`, status);
      expect((await loadEmailRoute(env.db, `ada@${tag}.test`)).route).toEqual({ kind: "password" });
    }
    const bare = await account("r6");
    await domain(bare.id, "r6.test", "verified");
    expect((await loadEmailRoute(env.db, "ada@r6.test")).route).toEqual({ kind: "password" });
  });

  it("answers the same whether or not a user with the email exists", async () => {
    const acme = await account("r7");
    await connection(acme.id, "Okta r7");
    await domain(acme.id, "r7.test", "verified");
    await ensureMember(env.db, { accountId: acme.id, email: "known@r7.test", name: "", role: "member", password: "known-password" });
    expect(await loadEmailRoute(env.db, "known@r7.test")).toEqual(await loadEmailRoute(env.db, "nobody@r7.test"));
    expect(await loadEmailRoute(env.db, "known@unknown-r7.test")).toEqual({ route: { kind: "password" }, match: null });
  });
});
