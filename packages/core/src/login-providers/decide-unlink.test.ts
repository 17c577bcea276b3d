import { describe, expect, it } from "vitest";
import { decideUnlink, type UnlinkFacts } from "./decide-unlink";

describe("decideUnlink", () => {
  it.each<[string, UnlinkFacts, string]>([
    ["with a password, the only provider may go", { hasPassword: true, linkedProviderCount: 1, isLinked: true }, "allowed"],
    ["without a password, one of two providers may go", { hasPassword: false, linkedProviderCount: 2, isLinked: true }, "allowed"],
    ["without a password, the last provider stays", { hasPassword: false, linkedProviderCount: 1, isLinked: true }, "last_way_in"],
    ["an identity of someone else is not ours to unlink", { hasPassword: true, linkedProviderCount: 1, isLinked: false }, "not_linked"],
  ])("%s", (_name, facts, expected) => {
    const d = decideUnlink(facts);
    expect(d.allowed ? "allowed" : d.code).toBe(expected);
  });

  it("says what to do instead", () => {
    const d = decideUnlink({ hasPassword: false, linkedProviderCount: 1, isLinked: true });
    expect(d.allowed ? "" : d.message).toContain("Set a password or link another provider first");
  });
});
