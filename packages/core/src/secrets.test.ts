import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, maskSecret } from "./secrets";

describe("secrets", () => {
  it("round-trips and never stores the plaintext", () => {
    const stored = encryptSecret("s3cr3t-value-123", "k".repeat(32));
    expect(stored).not.toContain("s3cr3t");
    expect(decryptSecret(stored, "k".repeat(32))).toBe("s3cr3t-value-123");
  });
  it("refuses another key", () => {
    const stored = encryptSecret("value", "a".repeat(32));
    expect(() => decryptSecret(stored, "b".repeat(32))).toThrow();
  });
  it("masks all but the last four characters", () => {
    expect(maskSecret("abcdefghijkl")).toBe("••••••••ijkl");
    expect(maskSecret("short")).toBe("••••••••");
  });
});
