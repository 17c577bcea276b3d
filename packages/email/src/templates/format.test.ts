import { describe, expect, it } from "vitest";
import { assertWebUrl, escapeHtml, formatDuration, formatUtc, greeting } from "./format";

describe("escapeHtml", () => {
  it("escapes markup and both quote styles", () => {
    expect(escapeHtml(`<a href="x" onclick='y'>Tom & Jerry</a>`)).toBe("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;");
  });
});

describe("formatUtc", () => {
  it("says the date in UTC, whatever the instant's offset", () => {
    expect(formatUtc(new Date("2026-03-03T14:05:09Z"))).toBe("Tuesday, March 3, 2026 at 14:05 UTC");
    expect(formatUtc(new Date("2026-03-04T00:30:00+02:00"))).toBe("Tuesday, March 3, 2026 at 22:30 UTC");
    expect(formatUtc(new Date("2027-01-01T00:00:00Z"))).toBe("Friday, January 1, 2027 at 00:00 UTC");
  });
});

describe("formatDuration", () => {
  it.each([
    [1, "1 minute"],
    [30, "30 minutes"],
    [60, "1 hour"],
    [90, "90 minutes"],
    [120, "2 hours"],
    [1440, "1 day"],
    [2880, "2 days"],
  ])("%i minutes reads %s", (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });
});

describe("assertWebUrl", () => {
  it("accepts absolute http(s) URLs", () => {
    expect(assertWebUrl("https://sso.example.com/a?b=c")).toBe("https://sso.example.com/a?b=c");
    expect(assertWebUrl("http://localhost:3000/x")).toBe("http://localhost:3000/x");
  });

  it.each(["javascript:alert(1)", "/relative/path", "data:text/html,x", "not a url"])("rejects %s", (url) => {
    expect(() => assertWebUrl(url)).toThrow(/absolute http\(s\) URLs/);
  });
});

describe("greeting", () => {
  it("uses the name when there is one", () => {
    expect(greeting("Ada")).toBe("Hi Ada,");
    expect(greeting("  ")).toBe("Hi,");
    expect(greeting(undefined)).toBe("Hi,");
  });
});
