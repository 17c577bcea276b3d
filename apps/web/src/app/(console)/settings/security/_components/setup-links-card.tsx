import type { SetupLinkRow } from "@gatehouse/core";
import { Button, Card, CardHeader, CardTable } from "@gatehouse/ui";
import { resendSetupLinkAction, revokeSetupLinkAction } from "../setup-link-actions";
import { formatUtc } from "../_lib/format";
import { SetupLinkForm } from "./setup-link-form";

const STEPS: { key: keyof SetupLinkRow["progress"]; label: string }[] = [
  { key: "opened", label: "Opened" },
  { key: "connectionSaved", label: "Connection saved" },
  { key: "testPassed", label: "Test passed" },
  { key: "authenticated", label: "Authenticate passed" },
  // Shown only for links that cover them (null otherwise).
  { key: "domainVerified", label: "Domain verified" },
  { key: "scimTokenCreated", label: "SCIM token created" },
];

const SCOPE_LABELS: Record<SetupLinkRow["scope"][number], string> = { sso: "Single sign-on", domains: "Domains", scim: "SCIM" };

const STATE_LABEL: Record<SetupLinkRow["state"], string> = { usable: "Active", expired: "Expired", revoked: "Revoked" };

/** Hand the setup to the IT admin: a link that opens this account's SSO setup and nothing else. */
export function SetupLinksCard({ links }: { links: SetupLinkRow[] }) {
  return (
    <Card>
      <div id="setup-links" className="scroll-mt-4">
        <CardHeader
          title="Hand the setup to your IT admin"
          description="Send a link to someone who is not a member, such as whoever manages Okta or Entra. It opens this account's single sign-on setup only, for 7 days. You switch the connection on."
        />
      </div>
      <div className="space-y-4 px-5 py-4">
        <SetupLinkForm />
        {links.length > 0 ? (
          <CardTable columns={["Sent to", "Link", "Progress", { label: "Actions", hidden: true }]}>
            {links.map((link) => (
              <tr key={link.id} data-testid="setup-link-row">
                <td className="px-5 py-3 font-medium">
                  {link.email}
                  <span className="block text-xs font-normal text-slate-500">{link.scope.map((s) => SCOPE_LABELS[s]).join(", ")}</span>
                </td>
                <td className="px-5 py-3 text-slate-700">
                  {STATE_LABEL[link.state]}
                  {link.state === "usable" ? <span className="block text-xs text-slate-500">until {formatUtc(link.expiresAt)}</span> : null}
                </td>
                <td className="px-5 py-3">
                  <ol className="flex flex-wrap gap-1" aria-label={`Progress of the link for ${link.email}`}>
                    {STEPS.filter((step) => link.progress[step.key] !== null).map((step) => (
                      <li
                        key={step.key}
                        className={`rounded px-1.5 py-0.5 text-xs ${link.progress[step.key] ? "bg-emerald-50 text-emerald-800" : "bg-slate-100 text-slate-500"}`}
                      >
                        {link.progress[step.key] ? "✓ " : ""}
                        {step.label}
                        <span className="sr-only">{link.progress[step.key] ? " (done)" : " (not yet)"}</span>
                      </li>
                    ))}
                  </ol>
                </td>
                <td className="space-x-2 whitespace-nowrap px-5 py-3 text-right">
                  {link.state !== "revoked" ? (
                    <>
                      <form action={resendSetupLinkAction} className="inline">
                        <input type="hidden" name="linkId" value={link.id} />
                        <Button type="submit" variant="secondary">
                          Re-send
                        </Button>
                      </form>
                      <form action={revokeSetupLinkAction} className="inline">
                        <input type="hidden" name="linkId" value={link.id} />
                        <Button type="submit" variant="secondary">
                          Revoke
                        </Button>
                      </form>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </CardTable>
        ) : null}
      </div>
    </Card>
  );
}
