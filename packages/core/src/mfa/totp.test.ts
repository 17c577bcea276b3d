import { describe, expect, it } from "vitest";
import { checkTotpCode, formatManualKey, otpauthUri, totpCodeAt } from "./totp";

// RFC 6238 Appendix B's SHA-1 key ("12345678901234567890") in base32.
const SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const NOW = new Date("2026-11-27T12:00:15Z");
const STEP = Math.floor(NOW.getTime() / 30_000);
const at = (steps: number) => new Date(NOW.getTime() + steps * 30_000);

describe("checkTotpCode", () => {
  it("matches RFC 6238's published SHA-1 vector (T = 59 s)", () => {
    expect(totpCodeAt(SECRET, new Date(59_000))).toBe("287082");
  });

  const cases: { name: string; code: string; lastUsedStep: number | null; expected: ReturnType<typeof checkTotpCode> }[] = [
    { name: "the current code", code: totpCodeAt(SECRET, NOW), lastUsedStep: null, expected: { accepted: true, step: STEP } },
    { name: "the previous step's code (clock drift)", code: totpCodeAt(SECRET, at(-1)), lastUsedStep: null, expected: { accepted: true, step: STEP - 1 } },
    { name: "the next step's code (clock drift)", code: totpCodeAt(SECRET, at(1)), lastUsedStep: null, expected: { accepted: true, step: STEP + 1 } },
    { name: "a code two steps old", code: totpCodeAt(SECRET, at(-2)), lastUsedStep: null, expected: { accepted: false, reason: "wrong_code" } },
    { name: "a code two steps ahead", code: totpCodeAt(SECRET, at(2)), lastUsedStep: null, expected: { accepted: false, reason: "wrong_code" } },
    { name: "the same code again (replay)", code: totpCodeAt(SECRET, NOW), lastUsedStep: STEP, expected: { accepted: false, reason: "replayed" } },
    {
      name: "an older code after a newer one was used",
      code: totpCodeAt(SECRET, at(-1)),
      lastUsedStep: STEP,
      expected: { accepted: false, reason: "replayed" },
    },
    { name: "the next code after the current one was used", code: totpCodeAt(SECRET, at(1)), lastUsedStep: STEP, expected: { accepted: true, step: STEP + 1 } },
    {
      name: "spaces typed inside the code",
      code: totpCodeAt(SECRET, NOW).replace(/^(\d{3})/, "$1 "),
      lastUsedStep: null,
      expected: { accepted: true, step: STEP },
    },
    { name: "five digits", code: "12345", lastUsedStep: null, expected: { accepted: false, reason: "malformed" } },
    { name: "letters", code: "12a456", lastUsedStep: null, expected: { accepted: false, reason: "malformed" } },
  ];
  it.each(cases)("$name", ({ code, lastUsedStep, expected }) => {
    expect(checkTotpCode({ secretBase32: SECRET, code, now: NOW, lastUsedStep })).toEqual(expected);
  });
});

describe("otpauthUri and the manual key", () => {
  it("names the issuer and the person, with the secret", () => {
    const uri = new URL(otpauthUri(SECRET, "ada@example.com"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Gatehouse:ada@example.com");
    expect(uri.searchParams.get("secret")).toBe(SECRET);
    expect(uri.searchParams.get("issuer")).toBe("Gatehouse");
  });
  it("groups the key in fours", () => {
    expect(formatManualKey("ABCDEFGHIJ")).toBe("ABCD EFGH IJ");
  });
});
