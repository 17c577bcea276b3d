import { describe, expect, it } from "vitest";
import { decideSessionSwap, type SessionSwapDecision } from "./decide-session-swap";

describe("decideSessionSwap", () => {
  it.each<[string, Parameters<typeof decideSessionSwap>[0], SessionSwapDecision]>([
    ["nobody signed in: go on", { signedInEmail: null, incomingEmail: "member@acme.test", confirmed: false }, { kind: "proceed" }],
    ["the same person: go on", { signedInEmail: "member@acme.test", incomingEmail: "member@acme.test", confirmed: false }, { kind: "proceed" }],
    [
      "the same person in another case: go on",
      { signedInEmail: "Member@Acme.test", incomingEmail: "member@acme.test ", confirmed: false },
      { kind: "proceed" },
    ],
    [
      "someone else signed in: ask",
      { signedInEmail: "admin@acme.test", incomingEmail: "member@acme.test", confirmed: false },
      { kind: "ask", signedInEmail: "admin@acme.test", incomingEmail: "member@acme.test" },
    ],
    [
      "someone else signed in, and the person said continue: go on",
      { signedInEmail: "admin@acme.test", incomingEmail: "member@acme.test", confirmed: true },
      { kind: "proceed" },
    ],
  ])("%s", (_name, input, expected) => {
    expect(decideSessionSwap(input)).toEqual(expected);
  });
});
