import { describe, expect, it } from "vitest";
import { inviteEmail } from "./invite";

const acceptUrl = "https://sso.example.com/invite/accept?token=t0k3n&x=1";
const input = {
  accountName: "Acme <script>alert(1)</script>",
  inviterName: `Eve "the admin" O'Neil`,
  roleLabel: "Admin & Owner",
  acceptUrl,
  expiresAt: new Date("2026-05-01T09:30:00Z"),
};

describe("inviteEmail", () => {
  const email = inviteEmail(input);

  it("names the inviter, account and role", () => {
    expect(email.subject).toBe(`Eve "the admin" O'Neil invited you to join Acme <script>alert(1)</script> on Gatehouse`);
    expect(email.text).toContain(
      `Eve "the admin" O'Neil has invited you to join the Acme <script>alert(1)</script> account on Gatehouse with the Admin & Owner role.`,
    );
  });

  it("escapes the interpolated values in HTML", () => {
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("Acme &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(email.html).toContain("Eve &quot;the admin&quot; O&#39;Neil");
    expect(email.html).toContain("Admin &amp; Owner role");
  });

  it("links to the accept URL in both parts", () => {
    expect(email.html).toContain('href="https://sso.example.com/invite/accept?token=t0k3n&amp;x=1"');
    expect(email.text).toContain(acceptUrl);
    expect(email.text).toContain("Accept invitation:");
  });

  it("gives the expiry in UTC", () => {
    expect(email.text).toContain("This invitation expires on Friday, May 1, 2026 at 09:30 UTC.");
  });

  it("uses the product name", () => {
    const branded = inviteEmail({ ...input, accountName: "Acme", productName: "Acme SSO" });
    expect(branded.subject).toContain("on Acme SSO");
    expect(branded.html).toContain(">Acme SSO</td>");
  });
});
