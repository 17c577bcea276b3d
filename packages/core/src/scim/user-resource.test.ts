import { describe, expect, it } from "vitest";
import { readScimUser, renderScimUser, ENTERPRISE_USER_SCHEMA } from "./user-resource";

describe("readScimUser", () => {
  it("reads an Okta POST: userName is the email, password is dropped", () => {
    const r = readScimUser({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: "Ada.Lovelace@Acme.test",
      name: { givenName: "Ada", familyName: "Lovelace" },
      emails: [{ primary: true, value: "ada.lovelace@acme.test", type: "work" }],
      displayName: "Ada Lovelace",
      locale: "en-US",
      externalId: "00u1",
      groups: [],
      password: "1mz050nq",
      active: true,
    });
    expect(r.ok && r.value).toMatchObject({
      userName: "Ada.Lovelace@Acme.test",
      email: "ada.lovelace@acme.test",
      name: "Ada Lovelace",
      externalId: "00u1",
      active: true,
    });
    expect(r.ok && JSON.stringify(r.value.resource)).not.toContain("1mz050nq");
  });

  it.each([
    ["Entra string active", { userName: "a@x.test", active: "False" }, { active: false }],
    ["a UPN userName falls back to the work email", { userName: "ada", emails: [{ type: "work", value: "Ada@X.test" }] }, { email: "ada@x.test" }],
    ["unicode names", { userName: "zoe@x.test", name: { givenName: "Zoë", familyName: "Ørsted-李" } }, { name: "Zoë Ørsted-李" }],
    [
      "an enterprise extension is kept",
      { userName: "e@x.test", [ENTERPRISE_USER_SCHEMA]: { department: "R&D" } },
      { resource: { userName: "e@x.test", active: true, [ENTERPRISE_USER_SCHEMA]: { department: "R&D" } } },
    ],
  ])("%s", (_label, body, expected) => {
    const r = readScimUser(body);
    expect(r.ok && r.value).toMatchObject(expected);
  });

  it.each([
    ["no userName", { name: {} }],
    ["neither userName nor an email is an address", { userName: "ada" }],
    ["active is not a boolean", { userName: "a@x.test", active: "maybe" }],
    ["an array", []],
  ])("rejects %s", (_label, body) => {
    expect(readScimUser(body).ok).toBe(false);
  });
});

describe("renderScimUser", () => {
  it("puts our id, keys and meta over the stored resource", () => {
    const at = new Date("2026-01-01T00:00:00Z");
    const out = renderScimUser(
      {
        id: "u1",
        userName: "a@x.test",
        externalId: "e1",
        active: false,
        resource: { id: "spoof", userName: "old", active: true },
        version: 3,
        createdAt: at,
        updatedAt: at,
      },
      "http://app.test/scim/v2/d1",
    );
    expect(out).toMatchObject({
      id: "u1",
      userName: "a@x.test",
      externalId: "e1",
      active: false,
      meta: { location: "http://app.test/scim/v2/d1/Users/u1", version: 'W/"3"' },
    });
  });
});
