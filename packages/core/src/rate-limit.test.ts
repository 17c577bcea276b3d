import { describe, expect, it } from "vitest";
import { decideRateLimit, decideSignInRateLimit, MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_IP } from "./rate-limit";

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

describe("decideRateLimit", () => {
  it.each([
    ["no quotas", [], { allowed: true }],
    [
      "under every limit",
      [
        { attempts: times(2, 1), limit: 3 },
        { attempts: times(9, 1), limit: 10 },
      ],
      { allowed: true },
    ],
    [
      "one key full",
      [
        { attempts: times(3, 5), limit: 3 },
        { attempts: [], limit: 10 },
      ],
      { allowed: false, retryAfterMinutes: 10 },
    ],
    ["full, but only with attempts outside the window", [{ attempts: times(3, 15), limit: 3 }], { allowed: true }],
    ["the newest attempts decide the wait", [{ attempts: [...times(2, 14), ...times(3, 2)], limit: 3 }], { allowed: false, retryAfterMinutes: 13 }],
  ] as const)("%s", (_name, quotas, expected) => {
    expect(
      decideRateLimit(
        quotas.map((q) => ({ attempts: [...q.attempts], limit: q.limit })),
        now,
      ),
    ).toEqual(expected);
  });
});
