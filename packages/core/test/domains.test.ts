import { createSocket, type Socket } from "node:dgram";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountDomains, eq } from "@gatehouse/db";
import { startDnsServer, type SandboxDnsServer } from "@gatehouse/idp-sandbox/dns";
import {
  addDomain,
  createTxtLookup,
  ensureAccount,
  ensureMember,
  findVerifiedDomainForEmail,
  listAuditEvents,
  recheckDueDomains,
  removeDomain,
  setAutoJoin,
  setIncludeSubdomains,
  verifyDomainNow,
  type DomainContext,
} from "../src";
import { useCoreContext } from "./harness";

const env = useCoreContext();
const HOUR = 3_600_000;
let dns: SandboxDnsServer;
let silent: Socket;
let clock = new Date("2026-03-01T09:00:00Z");
const ctx = (): DomainContext => ({ ...env.ctx, now: () => clock, lookupTxt: createTxtLookup({ servers: [dns.address], timeoutMs: 500, tries: 1 }) });

beforeAll(async () => {
  dns = await startDnsServer({ port: 0 });
  // A DNS server that never answers: the timeout case.
  silent = createSocket("udp4");
  await new Promise<void>((resolve) => silent.bind(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  await dns.stop();
  silent.close();
});

async function setup(tag: string) {
  const account = await ensureAccount(env.db, { name: `Domains ${tag}`, slug: `domains-${tag}` });
  const admin = await ensureMember(env.db, {
    accountId: account.id,
    email: `admin-${tag}@admins.example`,
    name: "Ada",
    role: "admin",
    password: "admin-password",
  });
  const member = await ensureMember(env.db, {
    accountId: account.id,
    email: `member-${tag}@admins.example`,
    name: "Max",
    role: "member",
    password: "member-password",
  });
  return {
    account,
    admin,
    actor: { userId: admin.id, label: admin.email, ip: "127.0.0.1" },
    memberActor: { userId: member.id, label: member.email, ip: "127.0.0.1" },
  };
}

const publish = (domain: string, token: string) => dns.zone.add(`_gatehouse-challenge.${domain}`, `gatehouse-verification=${token}`);
const unpublish = (domain: string) => dns.zone.remove(`_gatehouse-challenge.${domain}`);

async function added(tag: string, domain: string) {
  const s = await setup(tag);
  const result = await addDomain(ctx(), { accountId: s.account.id, domain, actor: s.actor });
  if (!result.ok) throw new Error(result.error);
  return { ...s, row: result.value };
}

describe("domains against a real DNS server on loopback", () => {
  it("verifies a published record; routing then finds the account", async () => {
    const { account, actor, row } = await added("v1", "Verify.TEST.");
    expect(row).toMatchObject({ domain: "verify.test", status: "pending" });
    publish("verify.test", row.verificationToken);
    const result = await verifyDomainNow(ctx(), { accountId: account.id, domainId: row.id, actor });
    expect(result).toMatchObject({ ok: true, value: { status: "verified", lastCheckResult: "found", lastCheckDetail: null } });
    expect((await findVerifiedDomainForEmail(env.db, "ada@verify.test"))?.accountId).toBe(account.id);
    expect((await listAuditEvents(env.db, account.id)).map((e) => e.action)).toEqual(expect.arrayContaining(["domain.added", "domain.checked"]));
  });

  it.each([
    ["a wrong value", "wrong.test", () => dns.zone.add("_gatehouse-challenge.wrong.test", "gatehouse-verification=typo"), "other_value", /another value/],
    [
      "no record on an existing domain",
      "norecord.test",
      () => dns.zone.add("norecord.test", "v=spf1 -all"),
      "no_txt_record",
      /No TXT record found at _gatehouse-challenge\.norecord\.test/,
    ],
    ["no such domain", "nowhere.test", () => undefined, "no_such_domain", /does not exist in DNS/],
  ])("stays pending with %s and says why", async (_, domain, arrange, code, detail) => {
    arrange();
    const { account, actor, row } = await added(`f-${code}`, domain);
    const result = await verifyDomainNow(ctx(), { accountId: account.id, domainId: row.id, actor });
    expect(result.ok && result.value).toMatchObject({ status: "pending", lastCheckResult: code });
    expect(result.ok && result.value.lastCheckDetail).toMatch(detail);
  });

  it("reports a DNS timeout when the server never answers", async () => {
    const { account, actor, row } = await added("t1", "slow.test");
    const port = (silent.address() as AddressInfo).port;
    const slow: DomainContext = { ...ctx(), lookupTxt: createTxtLookup({ servers: [`127.0.0.1:${port}`], timeoutMs: 300, tries: 1 }) };
    const result = await verifyDomainNow(slow, { accountId: account.id, domainId: row.id, actor });
    expect(result.ok && result.value).toMatchObject({ status: "pending", lastCheckResult: "timeout" });
    expect(result.ok && result.value.lastCheckDetail).toMatch(/did not answer in time/);
  });

  it("expires a pending claim after 72 hours of re-checks", async () => {
    clock = new Date("2026-03-01T09:00:00Z");
    const { row } = await added("e1", "expire.test");
    clock = new Date(clock.getTime() + 72 * HOUR);
    await recheckDueDomains(ctx(), clock);
    const [after] = await env.db.select().from(accountDomains).where(eq(accountDomains.id, row.id));
    expect(after).toMatchObject({ status: "expired", nextCheckAt: null });
  });

  it("loses a verified domain whose record is gone for 72 hours, and tells its admins", async () => {
    clock = new Date("2026-03-02T09:00:00Z");
    const { account, actor, admin, row } = await added("l1", "lose.test");
    publish("lose.test", row.verificationToken);
    await verifyDomainNow(ctx(), { accountId: account.id, domainId: row.id, actor });
    unpublish("lose.test");
    const day = async (n: number) => {
      clock = new Date(new Date("2026-03-02T09:00:00Z").getTime() + n * 24 * HOUR);
      await recheckDueDomains(ctx(), clock);
      return (await env.db.select().from(accountDomains).where(eq(accountDomains.id, row.id)))[0]!;
    };
    expect(await day(1)).toMatchObject({ status: "verified", lastCheckResult: "no_such_domain" });
    expect(await day(2)).toMatchObject({ status: "verified" });
    expect(await day(3)).toMatchObject({ status: "verified" });
    const lost = await day(4);
    expect(lost).toMatchObject({ status: "lost", nextCheckAt: null });
    expect(await findVerifiedDomainForEmail(env.db, "x@lose.test")).toBeNull();
    const email = await env.smtp.waitForEmail({ to: admin.email, subject: "Verification of lose.test was lost" });
    expect(email.text).toContain("missing from DNS for 72 hours");
    // Nothing runs any more until an admin asks again.
    expect(await day(30)).toMatchObject({ status: "lost", lastCheckedAt: lost.lastCheckedAt });
  });

  it("a second account's claim waits while the holder's record is up, then takes over and the first sees lost", async () => {
    clock = new Date("2026-03-10T09:00:00Z");
    const first = await added("c1", "claim.test");
    publish("claim.test", first.row.verificationToken);
    expect(await verifyDomainNow(ctx(), { accountId: first.account.id, domainId: first.row.id, actor: first.actor })).toMatchObject({
      value: { status: "verified" },
    });

    const second = await added("c2", "claim.test");
    publish("claim.test", second.row.verificationToken);
    const blocked = await verifyDomainNow(ctx(), { accountId: second.account.id, domainId: second.row.id, actor: second.actor });
    expect(blocked.ok && blocked.value).toMatchObject({ status: "pending" });
    expect(blocked.ok && blocked.value.lastCheckDetail).toMatch(/verified by another account whose TXT record is still published/);
    expect((await findVerifiedDomainForEmail(env.db, "a@claim.test"))?.accountId).toBe(first.account.id);

    dns.zone.remove("_gatehouse-challenge.claim.test", `gatehouse-verification=${first.row.verificationToken}`);
    const taken = await verifyDomainNow(ctx(), { accountId: second.account.id, domainId: second.row.id, actor: second.actor });
    expect(taken.ok && taken.value).toMatchObject({ status: "verified" });
    const [firstRow] = await env.db.select().from(accountDomains).where(eq(accountDomains.id, first.row.id));
    expect(firstRow).toMatchObject({ status: "lost" });
    expect((await findVerifiedDomainForEmail(env.db, "a@claim.test"))?.accountId).toBe(second.account.id);
    const email = await env.smtp.waitForEmail({ to: first.admin.email, subject: "Verification of claim.test was lost" });
    expect(email.text).toContain("another account on Gatehouse has proven the domain");
  });

  it("stores IDN as punycode and verifies it", async () => {
    const { account, actor, row } = await added("i1", "Bücher.test");
    expect(row.domain).toBe("xn--bcher-kva.test");
    publish("xn--bcher-kva.test", row.verificationToken);
    expect(await verifyDomainNow(ctx(), { accountId: account.id, domainId: row.id, actor })).toMatchObject({ value: { status: "verified" } });
  });

  it("refuses public suffixes, consumer mail domains and duplicates", async () => {
    const { account, actor } = await setup("r1");
    expect(await addDomain(ctx(), { accountId: account.id, domain: "co.uk", actor })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/public suffix/),
    });
    expect(await addDomain(ctx(), { accountId: account.id, domain: "gmail.com", actor })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/free email provider/),
    });
    expect((await addDomain(ctx(), { accountId: account.id, domain: "dup.test", actor })).ok).toBe(true);
    expect(await addDomain(ctx(), { accountId: account.id, domain: "DUP.test", actor })).toEqual({ ok: false, error: "dup.test is already on this account." });
  });

  it("admins only; subdomains and auto-join settings; remove", async () => {
    const { account, actor, memberActor, row } = await added("s1", "settings.test");
    expect(await addDomain(ctx(), { accountId: account.id, domain: "other.test", actor: memberActor })).toEqual({
      ok: false,
      error: "Only account admins can add domains.",
    });
    expect((await verifyDomainNow(ctx(), { accountId: account.id, domainId: row.id, actor: memberActor })).ok).toBe(false);
    expect(await setAutoJoin(ctx(), { accountId: account.id, domainId: row.id, autoJoin: "join", actor })).toEqual({
      ok: false,
      error: "Verify settings.test before choosing who may join through it.",
    });
    publish("settings.test", row.verificationToken);
    await verifyDomainNow(ctx(), { accountId: account.id, domainId: row.id, actor });
    expect(await setAutoJoin(ctx(), { accountId: account.id, domainId: row.id, autoJoin: "request", actor })).toMatchObject({ value: { autoJoin: "request" } });
    expect(await findVerifiedDomainForEmail(env.db, "a@eu.settings.test")).toBeNull();
    expect(await setIncludeSubdomains(ctx(), { accountId: account.id, domainId: row.id, includeSubdomains: true, actor })).toMatchObject({
      value: { includeSubdomains: true },
    });
    expect((await findVerifiedDomainForEmail(env.db, "a@eu.settings.test"))?.accountId).toBe(account.id);
    const other = await setup("s2");
    expect((await removeDomain(ctx(), { accountId: other.account.id, domainId: row.id, actor: other.actor })).ok).toBe(false);
    expect(await removeDomain(ctx(), { accountId: account.id, domainId: row.id, actor })).toEqual({ ok: true, value: { domain: "settings.test" } });
    expect(await findVerifiedDomainForEmail(env.db, "a@settings.test")).toBeNull();
    expect((await listAuditEvents(env.db, account.id)).map((e) => e.action)).toEqual(
      expect.arrayContaining(["domain.auto_join_changed", "domain.subdomains_changed", "domain.removed"]),
    );
  });

  it("two sweeps running at once check each due domain once", async () => {
    clock = new Date("2026-04-01T09:00:00Z");
    const { row: a } = await added("p1", "sweep-a.test");
    const { row: b } = await added("p2", "sweep-b.test");
    const asked: string[] = [];
    const counting: DomainContext = {
      ...ctx(),
      lookupTxt: async (name) => {
        asked.push(name);
        return ctx().lookupTxt(name);
      },
    };
    const later = new Date(clock.getTime() + HOUR);
    await Promise.all([recheckDueDomains(counting, later), recheckDueDomains(counting, later)]);
    for (const row of [a, b]) expect(asked.filter((n) => n === `_gatehouse-challenge.${row.domain}`)).toHaveLength(1);
  });
});
