import { describe, expect, it } from "vitest";
import { enforcementSuspensionEmail } from "./enforcement-suspension";

const base = { accountName: "Acme", until: new Date("2026-11-28T10:00:00Z"), securityUrl: "https://app.test/settings/security" };

describe("enforcementSuspensionEmail", () => {
  it("says until when enforcement is paused and why", () => {
    const email = enforcementSuspensionEmail({ ...base, event: "suspended", reason: "Okta outage <ticket 42>" });
    expect(email.subject).toBe("SSO enforcement is paused for Acme");
    expect(email.text).toContain("November 28, 2026 at 10:00 UTC");
    expect(email.text).toContain("Reason given by support: Okta outage <ticket 42>");
    expect(email.html).toContain("Okta outage &lt;ticket 42&gt;");
  });

  it("says enforcement is back", () => {
    const email = enforcementSuspensionEmail({ ...base, event: "restored", reason: null });
    expect(email.subject).toBe("SSO enforcement is back on for Acme");
    expect(email.text).not.toContain("Reason given");
  });
});
