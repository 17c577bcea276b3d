import { describe, expect, it } from "vitest";
import { emailVerificationEmail } from "./email-verification";

const verifyUrl = "https://sso.example.com/verify?token=v&next=/app";

describe("emailVerificationEmail", () => {
  it("links in both parts and escapes the reason", () => {
    const email = emailVerificationEmail({ name: "Lin", verifyUrl, reason: "Your identity provider <Okta> asserted this address." });
    expect(email.subject).toBe("Confirm your email address for Gatehouse");
    expect(email.text).toContain("Hi Lin,");
    expect(email.text).toContain("Your identity provider <Okta> asserted this address.");
    expect(email.html).toContain("Your identity provider &lt;Okta&gt; asserted this address.");
    expect(email.html).toContain('href="https://sso.example.com/verify?token=v&amp;next=/app"');
    expect(email.text).toContain(`Confirm email address:\n${verifyUrl}`);
  });

  it("warns not to confirm a sign-in the reader did not start", () => {
    const email = emailVerificationEmail({ verifyUrl });
    expect(email.text).toContain("If you didn't try to sign in, don't use this link");
    expect(email.text).toContain("someone tried to sign in to Gatehouse with this email address");
  });
});
