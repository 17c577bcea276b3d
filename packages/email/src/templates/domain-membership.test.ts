import { describe, expect, it } from "vitest";
import { addedToAccountEmail, joinRequestDecidedEmail } from "./domain-membership";

describe("domain membership emails", () => {
  it("tells an imported user who added them, escaped in HTML", () => {
    const email = addedToAccountEmail({ accountName: "Acme <b>", adminName: "Ada", signInUrl: "https://sso.example.com/login" });
    expect(email.subject).toBe("You were added to Acme <b> on Gatehouse");
    expect(email.text).toContain("Ada added you to the Acme <b> account on Gatehouse as a Member");
    expect(email.html).toContain("Acme &lt;b&gt;");
    expect(email.text).toContain("https://sso.example.com/login");
  });

  it("names the admin who answered a request to join", () => {
    const approved = joinRequestDecidedEmail({ accountName: "Acme", adminName: "Ada Lovelace", approved: true, signInUrl: "https://sso.example.com/login" });
    expect(approved.text).toContain("Ada Lovelace, an admin of Acme, approved your request: you are now a Member of the account on Gatehouse.");
    const declined = joinRequestDecidedEmail({ accountName: "Acme", adminName: "Ada Lovelace", approved: false, signInUrl: "https://sso.example.com/login" });
    expect(declined.text).toContain("Ada Lovelace, an admin of Acme, declined your request to join the account on Gatehouse.");
  });

  it("answers a request to join either way", () => {
    expect(joinRequestDecidedEmail({ accountName: "Acme", approved: true, signInUrl: "https://sso.example.com/login" }).subject).toBe(
      "Your request to join Acme was approved",
    );
    const declined = joinRequestDecidedEmail({ accountName: "Acme", approved: false, signInUrl: "https://sso.example.com/login" });
    expect(declined.subject).toBe("Your request to join Acme was declined");
    expect(declined.text).toContain("ask an admin of Acme to invite you");
  });
});
