import { describe, expect, it } from "vitest";
import { normalisePatch } from "./normalise-patch";

const patch = (...Operations: unknown[]) => ({ schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations });
const ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

describe("normalisePatch", () => {
  it.each([
    ["Okta deactivate", patch({ op: "replace", value: { active: false } }), [{ op: "replace", value: { active: false } }]],
    ["Entra capitalised op, string False", patch({ op: "Replace", path: "active", value: "False" }), [{ op: "replace", path: "active", value: false }]],
    ["Entra string True in a value map", patch({ op: "Replace", value: { active: "True" } }), [{ op: "replace", value: { active: true } }]],
    ["Entra dotted path", patch({ op: "Add", path: "name.givenName", value: "Ada" }), [{ op: "add", path: "name.givenName", value: "Ada" }]],
    [
      "Entra path-less map with dotted keys",
      patch({ op: "Replace", value: { "name.givenName": "Ada", "name.familyName": "Lovelace", displayName: "Ada L" } }),
      [
        { op: "replace", value: { displayName: "Ada L" } },
        { op: "replace", path: "name.givenName", value: "Ada" },
        { op: "replace", path: "name.familyName", value: "Lovelace" },
      ],
    ],
    [
      "Entra filtered email path",
      patch({ op: "Replace", path: 'emails[type eq "work"].value', value: "ada@x.test" }),
      [{ op: "replace", path: 'emails[type eq "work"].value', value: "ada@x.test" }],
    ],
    ["enterprise key in a value map", patch({ op: "Add", value: { [`${ENT}:department`]: "R&D" } }), [{ op: "add", path: `${ENT}:department`, value: "R&D" }]],
    ["remove with a filtered path", patch({ op: "Remove", path: 'members[value eq "x"]' }), [{ op: "remove", path: 'members[value eq "x"]' }]],
    ["lower-case operations key", { operations: [{ op: "replace", path: "displayName", value: "X" }] }, [{ op: "replace", path: "displayName", value: "X" }]],
  ])("%s", (_label, body, expected) => {
    expect(normalisePatch(body)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["not an object", "x"],
    ["no Operations", { schemas: [] }],
    ["unknown op", patch({ op: "move", path: "a" })],
    ["remove without a path", patch({ op: "remove" })],
    ["path-less replace of a scalar", patch({ op: "replace", value: "x" })],
  ])("rejects %s", (_label, body) => {
    expect(normalisePatch(body).ok).toBe(false);
  });
});
