import { describe, expect, it } from "vitest";
import { passwordResetEmail } from "./password-reset";

const resetUrl = "https://sso.example.com/reset?token=abc&uid=1";

describe("passwordResetEmail", () => {
  it("greets by name, escaped, and links in both parts", () => {
    const email = passwordResetEmail({ name: "<b>Ada</b>", resetUrl, expiresInMinutes: 30 });
    expect(email.subject).toBe("Reset your Gatehouse password");
    expect(email.html).toContain("Hi &lt;b&gt;Ada&lt;/b&gt;,");
    expect(email.html).not.toContain("<b>Ada</b>");
    expect(email.html).toContain('href="https://sso.example.com/reset?token=abc&amp;uid=1"');
    expect(email.text).toContain(`Reset password:\n${resetUrl}`);
    expect(email.text).toContain("This link expires in 30 minutes and can be used only once.");
    expect(email.text).toContain("If you didn't ask to reset your password");
  });

  it("says when an administrator asked for the reset", () => {
    const email = passwordResetEmail({ resetUrl, expiresInMinutes: 1440, requestedByAdmin: true });
    expect(email.subject).toBe("Set a new password for Gatehouse");
    expect(email.text).toContain("Hi,");
    expect(email.text).toContain("An administrator has asked you to set a new password");
    expect(email.text).toContain("expires in 1 day");
    expect(email.text).not.toContain("If you didn't ask");
    expect(email.text).toContain(resetUrl);
  });

  it("names the admin who asked and their account", () => {
    const email = passwordResetEmail({
      name: "Max",
      resetUrl,
      expiresInMinutes: 1440,
      requestedByAdmin: true,
      requestedBy: { name: "Ada Lovelace", accountName: "Acme" },
    });
    expect(email.text).toContain("Hi Max,");
    expect(email.text).toContain("Ada Lovelace, an admin of Acme, has asked you to set a new password for your Gatehouse account.");
    expect(email.text).toContain("Ada Lovelace, an admin of Acme, started a password reset");
    expect(email.text).not.toContain("An administrator");
  });

  it("after SSO was switched off, tells members to keep their login and says when they never had a password", () => {
    const first = passwordResetEmail({
      resetUrl,
      expiresInMinutes: 60,
      afterSsoDisabled: { accountName: "Acme", hasPassword: false, disabledBy: "Ana Admin" },
    });
    expect(first.subject).toBe("Acme now signs in with a password");
    expect(first.text).toContain("Ana Admin switched single sign-on off for Acme, so you now sign in");
    expect(first.text).not.toContain("an administrator");
    expect(first.text).toContain("Members keep their existing login: do not create a new one.");
    expect(first.text).toContain("set a password (you have not had one yet)");
    const again = passwordResetEmail({
      resetUrl,
      expiresInMinutes: 60,
      afterSsoDisabled: { accountName: "Acme", hasPassword: true, disabledBy: "Gatehouse support" },
    });
    expect(again.text).toContain("Gatehouse support switched single sign-on off for Acme");
    expect(again.text).toContain("choose a new password");
    expect(again.text).not.toContain("you have not had one yet");
  });
});
