import { describe, expect, it } from "vitest";
import { normaliseDomain } from "./normalise-domain";

describe("normaliseDomain", () => {
  it.each([
    ["acme.test", "acme.test"],
    ["  ACME.Test.  ", "acme.test"],
    ["Sub.Acme.COM", "sub.acme.com"],
    ["bücher.test", "xn--bcher-kva.test"],
    ["BÜCHER.de.", "xn--bcher-kva.de"],
    ["ada@acme.test", "acme.test"],
    ["https://www.acme.com/path?q=1", "www.acme.com"],
    ["acme.co.uk", "acme.co.uk"],
    ["mail.google.com", "mail.google.com"],
  ])("%s → %s", (input, expected) => {
    expect(normaliseDomain(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["", /Enter a domain/],
    ["com", /top-level domain/],
    ["co.uk", /public suffix/],
    ["github.io", /public suffix/],
    ["test", /top-level domain/],
    ["gmail.com", /free email provider/],
    ["GMail.com.", /free email provider/],
    ["outlook.com", /free email provider/],
    ["proton.me", /free email provider/],
    ["icloud.com", /free email provider/],
    ["yahoo.com", /free email provider/],
    ["acme_corp.com", /not a valid domain/],
    ["-acme.com", /not a valid domain/],
    ["acme..com", /not a valid domain/],
    ["10.0.0.1", /IP address|not a valid/],
  ])("refuses %j", (input, message) => {
    const result = normaliseDomain(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});
