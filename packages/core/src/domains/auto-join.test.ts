import { describe, expect, it } from "vitest";
import { decideAutoJoin, type AutoJoinFacts } from "./auto-join";

const domain = (autoJoin: "off" | "join" | "request") => ({ id: "d1", accountId: "acme", autoJoin });
const base: AutoJoinFacts = { emailVerified: true, domain: domain("join"), isMember: false, request: null };

describe("decideAutoJoin", () => {
  it.each<[string, Partial<AutoJoinFacts>, ReturnType<typeof decideAutoJoin>]>([
    ["join policy offers Join", {}, { kind: "join", accountId: "acme", domainId: "d1" }],
    ["request policy offers Request to join", { domain: domain("request") }, { kind: "request", accountId: "acme", domainId: "d1" }],
    ["a pending request shows Request sent", { domain: domain("request"), request: { status: "pending" } }, { kind: "request_sent", accountId: "acme" }],
    ["a declined request offers nothing more", { domain: domain("request"), request: { status: "declined" } }, { kind: "none" }],
    ["an approved request whose membership was removed offers nothing", { domain: domain("request"), request: { status: "approved" } }, { kind: "none" }],
    ["policy off offers nothing", { domain: domain("off") }, { kind: "none" }],
    ["an unverified email offers nothing (join)", { emailVerified: false }, { kind: "none" }],
    ["an unverified email offers nothing (request)", { emailVerified: false, domain: domain("request") }, { kind: "none" }],
    ["no verified domain offers nothing", { domain: null }, { kind: "none" }],
    ["a member is offered nothing", { isMember: true }, { kind: "none" }],
    ["a member with a pending request is offered nothing", { isMember: true, domain: domain("request"), request: { status: "pending" } }, { kind: "none" }],
    ["join policy ignores an old declined request", { request: { status: "declined" } }, { kind: "join", accountId: "acme", domainId: "d1" }],
  ])("%s", (_name, facts, expected) => {
    expect(decideAutoJoin({ ...base, ...facts })).toEqual(expected);
  });
});
