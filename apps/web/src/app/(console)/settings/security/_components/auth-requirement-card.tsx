import type { SecuritySettings } from "@gatehouse/core";
import { Button, Card, CardHeader } from "@gatehouse/ui";
import { saveRequirementAction, setDomainEnforcementAction } from "../requirement-actions";
import { formatUtc } from "../_lib/format";

const OPTIONS = [
  { value: "any", label: "Any method", hint: "Password, Google or SSO." },
  {
    value: "mfa",
    label: "Any method, with MFA",
    hint: "Password sign-ins must complete multi-factor authentication; SSO sign-ins rely on your identity provider's MFA.",
  },
  { value: "sso", label: "SSO only", hint: "Password and Google sign-in are refused for members, except those with “SSO off” on the Team page." },
] as const;

/** The "Authentication requirement" section: plain forms, so it works without JavaScript. */
export function AuthRequirementCard({ settings, now }: { settings: SecuritySettings; now: Date }) {
  const suspended = settings.enforcementSuspendedUntil && settings.enforcementSuspendedUntil.getTime() > now.getTime();
  return (
    <Card>
      <CardHeader title="Authentication requirement" description="How members of this account must sign in." />
      <div className="space-y-5 px-5 py-4">
        {suspended ? (
          <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-800">
            Support has suspended SSO enforcement until {formatUtc(settings.enforcementSuspendedUntil!.toISOString())}; members may use a password until then.
          </p>
        ) : null}
        <form action={saveRequirementAction} className="space-y-3">
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-800">Members sign in with</legend>
            {OPTIONS.map((o) => (
              <label key={o.value} className="flex items-start gap-2 text-sm">
                <input type="radio" name="authRequired" value={o.value} defaultChecked={settings.authRequired === o.value} className="mt-1" />
                <span>
                  <span className="font-medium text-slate-900">{o.label}</span>
                  <span className="block text-slate-600">{o.hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="requireMfa" value="on" defaultChecked={settings.requireMfa} />
            <span className="font-medium text-slate-900">Require every member to set up MFA</span>
          </label>
          <p className="text-sm text-slate-600">
            {settings.hasFreshTest
              ? "A switched-on connection signed in successfully in the last 24 hours, so SSO can be required."
              : "SSO can be required only after a switched-on connection signs in successfully (Authenticate or a test sign-in by email) within 24 hours before."}
          </p>
          <Button type="submit">Save requirement</Button>
        </form>

        <div className="border-t border-slate-100 pt-4">
          <h3 className="text-sm font-medium text-slate-800">Require SSO by domain</h3>
          {settings.domains.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600">No verified domains yet. Verify a domain on the Domains page to require SSO for the people on it.</p>
          ) : (
            <ul className="mt-2 divide-y divide-slate-100">
              {settings.domains.map((d) => (
                <li key={d.id} className="py-3 text-sm" data-testid="domain-enforcement-row">
                  <form action={setDomainEnforcementAction} className="flex flex-wrap items-center gap-3">
                    <input type="hidden" name="domainId" value={d.id} />
                    <span className="font-medium text-slate-900">{d.domain}</span>
                    {d.enforceSso ? (
                      <>
                        <span className="text-slate-600">SSO required for people on this domain.</span>
                        <input type="hidden" name="enforceSso" value="off" />
                        <Button type="submit" size="sm" variant="secondary" aria-label={`Stop requiring SSO on ${d.domain}`}>
                          Stop requiring SSO
                        </Button>
                      </>
                    ) : (
                      <>
                        <input type="hidden" name="enforceSso" value="on" />
                        <label className="flex items-center gap-1 text-slate-700">
                          <input
                            type="checkbox"
                            name="understood"
                            value="on"
                            aria-label={`I understand that people on ${d.domain} can then sign in only with SSO`}
                          />
                          I understand that people on {d.domain} can then sign in only with SSO
                        </label>
                        <Button type="submit" size="sm" variant="secondary" aria-label={`Require SSO for people on ${d.domain}`}>
                          Require SSO for people on this domain
                        </Button>
                      </>
                    )}
                  </form>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </Card>
  );
}
