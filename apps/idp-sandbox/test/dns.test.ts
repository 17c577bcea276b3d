import { Resolver } from "node:dns/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../src/index";

let sandbox: Sandbox;
let resolver: Resolver;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, appUrl: "http://localhost:4996" });
  resolver = new Resolver({ timeout: 1000, tries: 1 });
  resolver.setServers([sandbox.dns.address]);
});

afterAll(async () => {
  await sandbox?.stop();
});

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: NodeJS.ErrnoException) => error.code,
  );

describe("DNS server for *.test TXT records", () => {
  it("listens on loopback only", () => {
    expect(sandbox.dns.address).toMatch(/^127\.0\.0\.1:\d+$/);
  });

  it("publishes, answers and deletes records over the HTTP API", async () => {
    const post = await fetch(`${sandbox.url}/api/dns/records`, {
      method: "POST",
      body: JSON.stringify({ name: "_gatehouse-challenge.API.test.", value: "gatehouse-verification=abc" }),
    });
    expect(post.status).toBe(201);
    expect(await resolver.resolveTxt("_gatehouse-challenge.api.test")).toEqual([["gatehouse-verification=abc"]]);
    // The parent of a record exists without data; an unrelated name does not exist.
    expect(await code(resolver.resolveTxt("api.test"))).toBe("ENODATA");
    expect(await code(resolver.resolveTxt("nowhere.test"))).toBe("ENOTFOUND");
    expect(await (await fetch(`${sandbox.url}/api/dns/records`)).json()).toContainEqual({
      name: "_gatehouse-challenge.api.test",
      value: "gatehouse-verification=abc",
    });
    const del = await fetch(`${sandbox.url}/api/dns/records`, { method: "DELETE", body: JSON.stringify({ name: "_gatehouse-challenge.api.test" }) });
    expect(await del.json()).toEqual({ removed: 1 });
    expect(await code(resolver.resolveTxt("_gatehouse-challenge.api.test"))).toBe("ENOTFOUND");
  });

  it("splits long values into 255-byte strings", async () => {
    const value = "x".repeat(300);
    await fetch(`${sandbox.url}/api/dns/records`, { method: "POST", body: JSON.stringify({ name: "long.test", value }) });
    expect((await resolver.resolveTxt("long.test"))[0]!.join("")).toBe(value);
  });

  it("refuses names outside .test, in the API and in DNS", async () => {
    const post = await fetch(`${sandbox.url}/api/dns/records`, {
      method: "POST",
      body: JSON.stringify({ name: "_gatehouse-challenge.example.com", value: "x" }),
    });
    expect(post.status).toBe(400);
    expect((await post.json()).error).toMatch(/Only names under \.test/);
    expect(await code(resolver.resolveTxt("example.com"))).toBe("EREFUSED");
  });

  it("publishes and deletes from its page without JavaScript", async () => {
    const page = await fetch(`${sandbox.url}/dns?name=_gatehouse-challenge.form.test&value=v%3D1`);
    const html = await page.text();
    expect(html).toContain('value="_gatehouse-challenge.form.test"');
    const form = (body: Record<string, string>, path = "/dns") =>
      fetch(`${sandbox.url}${path}`, { method: "POST", body: new URLSearchParams(body), redirect: "manual" });
    expect((await form({ name: "_gatehouse-challenge.form.test", value: "v=1" })).status).toBe(303);
    expect(await (await fetch(`${sandbox.url}/dns`)).text()).toContain("<code>v=1</code>");
    const refused = await form({ name: "bad.example", value: "v=1" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Only names under .test");
    expect((await form({ name: "_gatehouse-challenge.form.test", value: "v=1" }, "/dns/delete")).status).toBe(303);
    expect(await code(resolver.resolveTxt("_gatehouse-challenge.form.test"))).toBe("ENOTFOUND");
  });
});
