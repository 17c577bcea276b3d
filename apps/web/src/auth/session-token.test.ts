import { afterEach, describe, expect, it, vi } from "vitest";
import { decode, encode } from "next-auth/jwt";
import { sessionIdFromToken, sessionTokenFor } from "./session-token";

const secret = "a".repeat(43);
const salt = "authjs.session-token";

describe("sessionIdFromToken", () => {
  it("reads the session id of a cookie next-auth made", async () => {
    const token = await encode({ token: { sid: "session-1" }, secret, salt });
    expect(await sessionIdFromToken(token, secret, salt)).toBe("session-1");
    // The second read uses the key derived by the first.
    expect(await sessionIdFromToken(token, secret, salt)).toBe("session-1");
  });

  it("refuses a cookie made with another secret or for another cookie name", async () => {
    const token = await encode({ token: { sid: "session-1" }, secret: "b".repeat(43), salt });
    expect(await sessionIdFromToken(token, secret, salt)).toBeNull();
    const otherName = await encode({ token: { sid: "session-1" }, secret, salt: "__Secure-authjs.session-token" });
    expect(await sessionIdFromToken(otherName, secret, salt)).toBeNull();
  });

  it("refuses a tampered, expired or malformed cookie", async () => {
    const token = await encode({ token: { sid: "session-1" }, secret, salt });
    const parts = token.split(".");
    parts[3] = `${parts[3]!.slice(0, -2)}${parts[3]!.endsWith("AA") ? "BB" : "AA"}`;
    expect(await sessionIdFromToken(parts.join("."), secret, salt)).toBeNull();
    const expired = await encode({ token: { sid: "session-1" }, secret, salt, maxAge: -60 });
    expect(await sessionIdFromToken(expired, secret, salt)).toBeNull();
    expect(await sessionIdFromToken("not-a-token", secret, salt)).toBeNull();
  });

  describe("a cookie read before (kept decrypted)", () => {
    afterEach(() => vi.useRealTimers());

    it("is refused once it expires, as on its first read (15 s of tolerance)", async () => {
      vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-11-28T10:00:00Z") });
      const token = await sessionTokenFor("session-3", secret, salt, 60);
      expect(await sessionIdFromToken(token, secret, salt)).toBe("session-3");
      vi.setSystemTime(new Date("2026-11-28T10:01:14Z"));
      expect(await sessionIdFromToken(token, secret, salt)).toBe("session-3");
      vi.setSystemTime(new Date("2026-11-28T10:01:15Z"));
      expect(await sessionIdFromToken(token, secret, salt)).toBeNull();
    });

    it("is refused before its nbf, as jose refuses it", async () => {
      const token = await encode({ token: { sid: "session-4", nbf: Math.floor(Date.now() / 1000) + 120 }, secret, salt });
      expect(await sessionIdFromToken(token, secret, salt)).toBeNull();
      expect(await sessionIdFromToken(token, secret, salt)).toBeNull();
    });

    it("still belongs to its secret and cookie name only", async () => {
      const token = await sessionTokenFor("session-5", secret, salt, 3600);
      expect(await sessionIdFromToken(token, secret, salt)).toBe("session-5");
      expect(await sessionIdFromToken(token, "b".repeat(43), salt)).toBeNull();
      expect(await sessionIdFromToken(token, secret, "__Secure-authjs.session-token")).toBeNull();
    });

    it("does not vouch for an altered copy of itself", async () => {
      const token = await sessionTokenFor("session-6", secret, salt, 3600);
      expect(await sessionIdFromToken(token, secret, salt)).toBe("session-6");
      const parts = token.split(".");
      parts[3] = `${parts[3]!.slice(0, -2)}${parts[3]!.endsWith("AA") ? "BB" : "AA"}`;
      expect(await sessionIdFromToken(parts.join("."), secret, salt)).toBeNull();
      expect(await sessionIdFromToken(`${token}x`, secret, salt)).toBeNull();
    });
  });

  it("returns null for a token without a session id", async () => {
    const token = await encode({ token: { sub: "user-1" }, secret, salt });
    expect(await sessionIdFromToken(token, secret, salt)).toBeNull();
  });
});

describe("sessionTokenFor", () => {
  it("makes a cookie next-auth reads, expiring after maxAge", async () => {
    const before = Math.floor(Date.now() / 1000);
    const token = await sessionTokenFor("session-2", secret, salt, 3600);
    const payload = await decode({ token, secret, salt });
    expect(payload?.sid).toBe("session-2");
    expect(payload?.exp).toBeGreaterThanOrEqual(before + 3600);
    expect(payload?.exp).toBeLessThanOrEqual(before + 3601);
    expect(typeof payload?.jti).toBe("string");
    expect(await sessionIdFromToken(token, secret, salt)).toBe("session-2");
  });

  it("is unreadable with another secret or cookie name", async () => {
    const token = await sessionTokenFor("session-2", secret, salt, 3600);
    expect(await sessionIdFromToken(token, "b".repeat(43), salt)).toBeNull();
    expect(await sessionIdFromToken(token, secret, "__Secure-authjs.session-token")).toBeNull();
    await expect(decode({ token, secret: "b".repeat(43), salt })).rejects.toThrow();
  });

  it("gives each cookie its own id (two sign-ins never share a token)", async () => {
    expect(await sessionTokenFor("s", secret, salt, 60)).not.toBe(await sessionTokenFor("s", secret, salt, 60));
  });
});
