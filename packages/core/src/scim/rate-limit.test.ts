import { describe, expect, it } from "vitest";
import { decideScimRate } from "./rate-limit";
import { redactForLog } from "./request-log";

const t0 = new Date("2026-01-01T00:00:00Z");
describe("decideScimRate", () => {
  it.each([
    [1, 0, { allowed: true }],
    [600, 59_000, { allowed: true }],
    [601, 0, { allowed: false, retryAfterSeconds: 60 }],
    [601, 59_100, { allowed: false, retryAfterSeconds: 1 }],
    [900, 30_000, { allowed: false, retryAfterSeconds: 30 }],
  ])("request %i at +%i ms", (count, after, expected) => {
    expect(decideScimRate({ windowStartedAt: t0, count, limit: 600, now: new Date(t0.getTime() + after) })).toEqual(expected);
  });
});

describe("redactForLog", () => {
  it("hides passwords and tokens, in bodies and in PATCH operations", () => {
    const out = JSON.stringify(
      redactForLog({ userName: "a@x.test", password: "hunter2", Operations: [{ op: "replace", path: "password", value: "s3cret" }], nested: { apiKey: "k" } }),
    );
    expect(out).not.toMatch(/hunter2|s3cret|"k"/);
    expect(out).toContain("a@x.test");
  });
  it("cuts a large body to a preview", () => {
    const out = redactForLog({ blob: "x".repeat(50_000) }) as { truncated: boolean; preview: string };
    expect(out.truncated).toBe(true);
    expect(out.preview.length).toBe(8192);
  });
});
