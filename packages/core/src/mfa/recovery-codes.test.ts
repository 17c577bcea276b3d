import { describe, expect, it } from "vitest";
import { generateRecoveryCodes, hashRecoveryCode, normaliseRecoveryCode } from "./recovery-codes";

describe("recovery codes", () => {
  it("makes ten distinct codes of the shape xxxxx-xxxxx", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
  });

  const typed = [
    { typed: "k7pq2-xm4rt", expected: "k7pq2-xm4rt" },
    { typed: " K7PQ2-XM4RT ", expected: "k7pq2-xm4rt" },
    { typed: "k7pq2xm4rt", expected: "k7pq2-xm4rt" },
    { typed: "k7pq2 xm4rt", expected: "k7pq2-xm4rt" },
    { typed: "k7pq2-xm4r", expected: null },
    { typed: "k7pq0-xm4rt", expected: null },
    { typed: "", expected: null },
  ];
  it.each(typed)("reads $typed as $expected", ({ typed: value, expected }) => expect(normaliseRecoveryCode(value)).toBe(expected));

  it("hashes, never stores the code itself", () => {
    expect(hashRecoveryCode("k7pq2-xm4rt")).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode("k7pq2-xm4rt")).not.toContain("k7pq2");
  });
});
