import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { sessionIdFromToken } from "./session-token";

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

  it("returns null for a token without a session id", async () => {
    const token = await encode({ token: { sub: "user-1" }, secret, salt });
    expect(await sessionIdFromToken(token, secret, salt)).toBeNull();
  });
});
