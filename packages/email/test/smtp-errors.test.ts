import { describe, expect, it } from "vitest";
import { describeSmtpError } from "../src/smtp";

const url = "smtps://mailer:p%40ss%2Fw0rd@smtp.example.com:465";

function smtpError(message: string, code?: string) {
  return Object.assign(new Error(message), code ? { code } : {});
}

describe("describeSmtpError", () => {
  it("says what to check for known codes", () => {
    expect(describeSmtpError(smtpError("Invalid login: 535 5.7.8 Authentication failed", "EAUTH"), url)).toBe(
      "The SMTP server rejected the login: Invalid login: 535 5.7.8 Authentication failed",
    );
    expect(describeSmtpError(smtpError("Greeting never received", "ETIMEDOUT"), url)).toBe("The SMTP server did not answer in time: Greeting never received");
  });

  it("keeps unknown codes and non-errors readable, on one line", () => {
    expect(describeSmtpError(smtpError("Something\n  odd", "EWEIRD"), url)).toBe("Something odd (EWEIRD)");
    expect(describeSmtpError("plain string", url)).toBe("plain string");
  });

  it("cuts the password out, decoded or encoded, and the whole URL", () => {
    const reason = describeSmtpError(smtpError(`Failed for ${url}; auth p@ss/w0rd; raw p%40ss%2Fw0rd`, "EAUTH"), url);
    expect(reason).not.toContain("p@ss/w0rd");
    expect(reason).not.toContain("p%40ss%2Fw0rd");
    expect(reason).toBe("The SMTP server rejected the login: Failed for [redacted]; auth [redacted]; raw [redacted]");
  });
});
