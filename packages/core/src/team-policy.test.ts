import { describe, expect, it } from "vitest";
import { decideMemberRemoval, decideRoleChange, isSelfDemotion } from "./team-policy";

describe("decideRoleChange", () => {
  it.each([
    ["member cannot change roles", { actorIsAdmin: false, targetRole: "member", newRole: "admin", adminCount: 1 }, false],
    ["promote a member", { actorIsAdmin: true, targetRole: "member", newRole: "admin", adminCount: 1 }, true],
    ["demote the last admin", { actorIsAdmin: true, targetRole: "admin", newRole: "member", adminCount: 1 }, false],
    ["demote one of two admins", { actorIsAdmin: true, targetRole: "admin", newRole: "member", adminCount: 2 }, true],
    ["keep the last admin an admin", { actorIsAdmin: true, targetRole: "admin", newRole: "admin", adminCount: 1 }, true],
  ] as const)("%s", (_name, input, allowed) => {
    expect(decideRoleChange(input).allowed).toBe(allowed);
  });
});

describe("decideMemberRemoval", () => {
  it.each([
    ["member cannot remove", { actorIsAdmin: false, targetRole: "member", adminCount: 2 }, false],
    ["remove a member", { actorIsAdmin: true, targetRole: "member", adminCount: 1 }, true],
    ["remove the last admin", { actorIsAdmin: true, targetRole: "admin", adminCount: 1 }, false],
    ["remove one of two admins", { actorIsAdmin: true, targetRole: "admin", adminCount: 2 }, true],
  ] as const)("%s", (_name, input, allowed) => {
    expect(decideMemberRemoval(input).allowed).toBe(allowed);
  });
});

describe("isSelfDemotion", () => {
  it.each([
    ["an admin makes themselves a member", { actorUserId: "u1", targetUserId: "u1", newRole: "member" }, true],
    ["an admin saves their own admin role", { actorUserId: "u1", targetUserId: "u1", newRole: "admin" }, false],
    ["an admin demotes someone else", { actorUserId: "u1", targetUserId: "u2", newRole: "member" }, false],
    ["no actor (support tooling)", { actorUserId: null, targetUserId: "u2", newRole: "member" }, false],
  ] as const)("%s", (_name, input, expected) => {
    expect(isSelfDemotion(input)).toBe(expected);
  });
});
