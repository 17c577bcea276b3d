import { describe, expect, it } from "vitest";
import { decideDomainCheck, type DomainCheckDecision, type DomainCheckInput } from "./decide-domain-check";

const t0 = new Date("2026-01-01T00:00:00Z");
const at = (hours: number) => new Date(t0.getTime() + hours * 3_600_000);
const input = (over: Partial<DomainCheckInput>): DomainCheckInput => ({
  domain: "acme.test",
  status: "pending",
  missingSince: t0,
  now: at(1),
  trigger: "scheduled",
  code: "found",
  holder: null,
  ...over,
});

type Expect = Partial<Omit<DomainCheckDecision, "detail">> & { detail?: RegExp | null };

describe("decideDomainCheck", () => {
  it.each<[string, Partial<DomainCheckInput>, Expect]>([
    // pending
    [
      "pending + found → verified",
      {},
      { status: "verified", verifiedAt: at(1), missingSince: null, nextCheckAt: at(25), takeOverFromHolder: false, detail: null },
    ],
    [
      "pending + no record → re-check in 15 min",
      { code: "no_txt_record" },
      { status: "pending", missingSince: t0, nextCheckAt: at(1.25), detail: /No TXT record found at _gatehouse-challenge\.acme\.test/ },
    ],
    ["pending + other value", { code: "other_value" }, { status: "pending", detail: /another value/ }],
    ["pending + no such domain", { code: "no_such_domain" }, { status: "pending", detail: /does not exist in DNS/ }],
    ["pending + timeout", { code: "timeout" }, { status: "pending", detail: /did not answer in time/ }],
    ["pending at 71h59 still pending", { code: "no_txt_record", now: at(71.99) }, { status: "pending" }],
    [
      "pending at 72h → expired, checks stop",
      { code: "no_txt_record", now: at(72) },
      { status: "expired", nextCheckAt: null, detail: /Checks stopped after 72 hours/ },
    ],
    ["pending + found at 80h still verifies", { now: at(80) }, { status: "verified" }],
    ["pending without a start gets one", { missingSince: null, code: "timeout" }, { status: "pending", missingSince: at(1) }],
    // takeover
    [
      "holder's record present → stays pending",
      { holder: { recordPresent: true } },
      { status: "pending", takeOverFromHolder: false, nextCheckAt: at(1.25), detail: /verified by another account whose TXT record is still published/ },
    ],
    ["holder's record gone → takes over", { holder: { recordPresent: false } }, { status: "verified", takeOverFromHolder: true, verifiedAt: at(1) }],
    [
      "holder exists but our check fails → no takeover",
      { holder: { recordPresent: false }, code: "no_txt_record" },
      { status: "pending", takeOverFromHolder: false },
    ],
    // verified
    [
      "verified + found → daily",
      { status: "verified", missingSince: null },
      { status: "verified", missingSince: null, nextCheckAt: at(25), verifiedAt: null, detail: null },
    ],
    ["verified + found clears missing", { status: "verified", missingSince: at(-30) }, { status: "verified", missingSince: null }],
    [
      "verified + missing starts the clock",
      { status: "verified", missingSince: null, code: "no_txt_record" },
      { status: "verified", missingSince: at(1), nextCheckAt: at(25), detail: /lost if it stays missing for 72 hours/ },
    ],
    ["verified + missing 71h → verified", { status: "verified", missingSince: t0, code: "other_value", now: at(71) }, { status: "verified", missingSince: t0 }],
    [
      "verified + missing 72h → lost",
      { status: "verified", missingSince: t0, code: "no_such_domain", now: at(72) },
      { status: "lost", lostAt: at(72), nextCheckAt: null, detail: /verification was lost/ },
    ],
    [
      "verified + timeout keeps the clock",
      { status: "verified", missingSince: null, code: "timeout" },
      { status: "verified", missingSince: null, nextCheckAt: at(2) },
    ],
    [
      "verified + DNS error after 80h of missing does not lose",
      { status: "verified", missingSince: t0, code: "dns_error", now: at(80) },
      { status: "verified", missingSince: t0 },
    ],
    // stopped
    ["expired + scheduled: nothing", { status: "expired", code: "found" }, { status: "expired", nextCheckAt: null }],
    ["lost + scheduled: nothing", { status: "lost", code: "found" }, { status: "lost", nextCheckAt: null }],
    ["expired + Verify now + found → verified", { status: "expired", trigger: "manual" }, { status: "verified", verifiedAt: at(1) }],
    [
      "expired + Verify now + missing → new 72h window",
      { status: "expired", trigger: "manual", code: "no_txt_record", now: at(200) },
      { status: "pending", missingSince: at(200), nextCheckAt: at(200.25) },
    ],
    ["lost + Verify now + found → verified", { status: "lost", trigger: "manual", missingSince: t0, now: at(100) }, { status: "verified", missingSince: null }],
    [
      "lost + Verify now while the new holder's record is up → pending",
      { status: "lost", trigger: "manual", holder: { recordPresent: true } },
      { status: "pending", detail: /another account/ },
    ],
  ])("%s", (_, over, expected) => {
    const decision = decideDomainCheck(input(over));
    const { detail, ...rest } = expected;
    expect(decision).toMatchObject(rest);
    if (detail === null) expect(decision.detail).toBeNull();
    else if (detail) expect(decision.detail).toMatch(detail);
  });
});
