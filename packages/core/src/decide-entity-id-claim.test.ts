import { describe, expect, it } from "vitest";
import { decideEntityIdClaim, type EntityIdHolder } from "./decide-entity-id-claim";

const claimant = { connectionId: "b-conn", accountId: "acct-b" };
const unproven: EntityIdHolder = { connectionId: "a-conn", accountId: "acct-a", enabled: false, verifiedAt: null };

describe("decideEntityIdClaim", () => {
  it.each<[string, EntityIdHolder[], ReturnType<typeof decideEntityIdClaim>]>([
    ["nobody holds it", [], { kind: "claim", release: [] }],
    ["the claimant itself holds it", [{ ...unproven, connectionId: "b-conn", accountId: "acct-b" }], { kind: "claim", release: [] }],
    ["another account's connection that never passed Authenticate", [unproven], { kind: "claim", release: ["a-conn"] }],
    ["a registration left behind by a deleted connection", [{ connectionId: "gone", accountId: null }], { kind: "claim", release: ["gone"] }],
    ["another account's connection that passed Authenticate", [{ ...unproven, verifiedAt: new Date() }], { kind: "held_elsewhere" }],
    ["another account's enabled connection whose settings changed since", [{ ...unproven, enabled: true }], { kind: "held_elsewhere" }],
    [
      "a proven one among unproven ones",
      [unproven, { connectionId: "c-conn", accountId: "acct-c", enabled: true, verifiedAt: new Date() }],
      { kind: "held_elsewhere" },
    ],
    ["another connection of the same account, even unproven", [{ ...unproven, accountId: "acct-b" }], { kind: "held_in_this_account", connectionId: "a-conn" }],
  ])("%s", (_name, holders, expected) => {
    expect(decideEntityIdClaim(claimant, holders)).toEqual(expected);
  });
});
