import { describe, expect, it } from "vitest";
import { planUserQuery } from "./filter-users";

const ada = { userName: "Ada@Acme.test", externalId: "00u1", emails: [{ type: "work", value: "Ada@Acme.test", primary: true }], name: { givenName: "Ada" } };

describe("planUserQuery", () => {
  it.each([
    [null, { kind: "all" }],
    ['userName eq "ada@acme.test"', { kind: "userName", value: "ada@acme.test" }],
    ['externalId eq "00u1"', { kind: "externalId", value: "00u1" }],
  ])("%s goes to SQL", (filter, expected) => {
    expect(planUserQuery(filter)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['emails[type eq "work"].value eq "ada@acme.test"', true],
    ['emails[type eq "work"].value eq "bob@acme.test"', false],
    ['userName eq "ADA@acme.test" and externalId eq "00u1"', true],
    ['userName eq "x" or externalId eq "00u1"', true],
    ['externalId eq "00U1" and userName eq "ada@acme.test"', false],
    ['emails[type eq "work" and value eq "ADA@ACME.TEST"]', true],
  ])("%s in memory → %s", (filter, expected) => {
    const plan = planUserQuery(filter);
    expect(plan.ok && plan.value.kind).toBe("memory");
    expect(plan.ok && plan.value.kind === "memory" && plan.value.test(ada)).toBe(expected);
  });

  it("rejects a malformed filter", () => {
    expect(planUserQuery('userName eq "unterminated').ok).toBe(false);
  });
});
