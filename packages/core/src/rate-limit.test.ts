import { describe, expect, it } from "vitest";
import { decideSignInRateLimit, MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_IP } from "./rate-limit";

const now = new Date("2026-11-22T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const times = (n: number, m: number) => Array.from({ length: n }, () => minutesAgo(m));

describe("decideSignInRateLimit", () => {
  it.each([
    ["no failures", [], [], { allowed: true }],
    ["four failures for the email", times(4, 1), times(4, 1), { allowed: true }],
    ["five recent failures for the email", times(MAX_FAILURES_PER_EMAIL, 1), [], { allowed: false, retryAfterMinutes: 14 }],
    ["five failures that have left the window", times(MAX_FAILURES_PER_EMAIL, 16), [], { allowed: true }],
    ["the IP over its limit", [], times(MAX_FAILURES_PER_IP, 5), { allowed: false, retryAfterMinutes: 10 }],
    ["both over, the longer wait wins", times(5, 10), times(MAX_FAILURES_PER_IP, 2), { allowed: false, retryAfterMinutes: 13 }],
  ] as const)("%s", (_name, emailFailures, ipFailures, expected) => {
    expect(decideSignInRateLimit({ emailFailures: [...emailFailures], ipFailures: [...ipFailures] }, now)).toEqual(expected);
  });

  it("waits at least one minute", () => {
    const almostOut = times(MAX_FAILURES_PER_EMAIL, 14.99);
    expect(decideSignInRateLimit({ emailFailures: almostOut, ipFailures: [] }, now)).toEqual({
      allowed: false,
      retryAfterMinutes: 1,
    });
  });
});
