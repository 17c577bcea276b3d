import { describe, expect, it } from "vitest";
import { decodeFlash, encodeFlash } from "./flash-message";

describe("flash message cookie", () => {
  it("round-trips what the server stored", () => {
    const stored = { id: "abc", tone: "error" as const, text: "That person is not a member of this account." };
    expect(decodeFlash(encodeFlash(stored))).toEqual(stored);
  });

  it("caps the text so the cookie stays under the browser's size limit", () => {
    const decoded = decodeFlash(encodeFlash({ id: "x", tone: "success", text: "a".repeat(5000) }));
    expect(decoded?.text).toHaveLength(1000);
  });

  it("keeps what was typed into a refused form, capped", () => {
    const decoded = decodeFlash(encodeFlash({ id: "t", tone: "error", text: "Not a domain.", typed: { domain: "not a domain", long: "b".repeat(900) } }));
    expect(decoded?.typed).toEqual({ domain: "not a domain", long: "b".repeat(300) });
  });

  it.each([
    ["missing", undefined],
    ["not base64 JSON", "%%%"],
    ["JSON of the wrong shape", Buffer.from(JSON.stringify({ id: "x", tone: "warning", text: "hi" })).toString("base64url")],
    ["no id", Buffer.from(JSON.stringify({ tone: "success", text: "hi" })).toString("base64url")],
  ])("refuses a %s cookie", (_name, value) => {
    expect(decodeFlash(value)).toBeNull();
  });
});
