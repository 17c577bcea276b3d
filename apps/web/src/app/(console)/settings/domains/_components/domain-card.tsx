import Link from "next/link";
import { challengeRecordName, challengeRecordValue } from "@gatehouse/core";
import type { AccountDomain } from "@gatehouse/db";
import { Button, Card } from "@gatehouse/ui";
import { CopyButton } from "../../security/_components/copy-button";
import { removeDomainAction, setAutoJoinAction, setIncludeSubdomainsAction, verifyDomainAction } from "../actions";
import { DnsHostHints } from "./dns-host-hints";
import { DomainStatusBadge } from "./domain-status";

const AUTO_JOIN_LABELS = {
  off: "Off: nobody joins through this domain",
  join: "Join as Member: people with a verified email here join at once",
  request: "Request to join: an admin approves each request on the Team page",
} as const;

function formatUtc(date: Date | null) {
  return date ? `${date.toISOString().slice(0, 16).replace("T", " ")} UTC` : "never";
}

function RecordValue({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 flex items-center gap-2">
        <code className="break-all rounded bg-slate-100 px-2 py-1 text-sm text-slate-900">{value}</code>
        <CopyButton value={value} label={`TXT record ${label.toLowerCase()}`} />
      </dd>
    </div>
  );
}

/**
 * One domain claim: its status, the record to publish, and what an admin can do with it. A setup
 * link's recipient gets the claim and Verify now only (`verifyAction` of the setup pages, no `manage`).
 */
export function DomainCard({
  domain,
  confirmRemove,
  sandboxUrl,
  verifyAction = verifyDomainAction,
  manage = true,
}: {
  domain: AccountDomain;
  confirmRemove: boolean;
  sandboxUrl: string | null;
  verifyAction?: (formData: FormData) => Promise<void>;
  manage?: boolean;
}) {
  const name = challengeRecordName(domain.domain);
  const value = challengeRecordValue(domain.verificationToken);
  const sandboxDnsUrl = sandboxUrl ? `${sandboxUrl}/dns?${new URLSearchParams({ name, value }).toString()}` : null;
  const hidden = <input type="hidden" name="domainId" value={domain.id} />;
  return (
    <Card>
      <section aria-label={domain.domain} id={`domain-${domain.id}`} data-testid="domain-card" className="space-y-4 px-5 py-4">
        <div className="flex flex-wrap items-center gap-3">
          <h2 className="text-lg font-semibold text-slate-900">{domain.domain}</h2>
          <DomainStatusBadge status={domain.status} />
          <span className="text-sm text-slate-500">Last check: {formatUtc(domain.lastCheckedAt)}</span>
          <form action={verifyAction} className="ml-auto">
            {hidden}
            <Button type="submit" size="sm">
              Verify now
            </Button>
          </form>
        </div>
        {domain.lastCheckDetail ? (
          <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="domain-check-detail">
            {domain.lastCheckDetail}
          </p>
        ) : null}

        {domain.status !== "verified" ? (
          <div className="space-y-3 rounded-md border border-slate-200 p-4">
            <p className="text-sm text-slate-700">
              Publish this TXT record in your domain&apos;s DNS, then click Verify now. We also re-check every 15 minutes for 72 hours.
            </p>
            <dl className="space-y-3">
              <RecordValue label="Name" value={name} />
              <RecordValue label="Value" value={value} />
            </dl>
            <DnsHostHints sandboxDnsUrl={sandboxDnsUrl} />
          </div>
        ) : (
          <p className="text-sm text-slate-600">
            Keep the TXT record <code className="rounded bg-slate-100 px-1">{name}</code> published: it is re-checked daily, and verification is lost if it is
            missing for 72 hours.
          </p>
        )}

        {manage ? (
          <div className="flex flex-wrap items-end gap-6 border-t border-slate-100 pt-4 text-sm">
            <form action={setIncludeSubdomainsAction} className="flex max-w-full flex-wrap items-center gap-2">
              {hidden}
              <input type="hidden" name="includeSubdomains" value={domain.includeSubdomains ? "false" : "true"} />
              <span className="text-slate-700">
                Subdomains: <strong>{domain.includeSubdomains ? `covered (e.g. eu.${domain.domain})` : "not covered"}</strong>
              </span>
              <Button type="submit" size="sm" variant="secondary">
                {domain.includeSubdomains ? "Stop covering subdomains" : "Also cover subdomains"}
              </Button>
            </form>

            {domain.status === "verified" ? (
              <form action={setAutoJoinAction} className="flex max-w-full flex-wrap items-center gap-2">
                {hidden}
                <label htmlFor={`auto-join-${domain.id}`} className="text-slate-700">
                  Joining
                </label>
                <select
                  id={`auto-join-${domain.id}`}
                  name="autoJoin"
                  defaultValue={domain.autoJoin}
                  className="min-w-0 max-w-full rounded-md border-0 py-1.5 pl-2 pr-8 text-sm ring-1 ring-inset ring-slate-300"
                >
                  {(["off", "join", "request"] as const).map((policy) => (
                    <option key={policy} value={policy}>
                      {AUTO_JOIN_LABELS[policy]}
                    </option>
                  ))}
                </select>
                <Button type="submit" size="sm" variant="secondary">
                  Save
                </Button>
              </form>
            ) : null}

            <div className="ml-auto">
              {confirmRemove ? (
                <form
                  action={removeDomainAction}
                  className="flex max-w-full flex-wrap items-center gap-2"
                  role="group"
                  aria-label={`Confirm removing ${domain.domain}`}
                >
                  {hidden}
                  <span className="text-slate-700">
                    Remove {domain.domain}? {domain.status === "verified" ? "Routing, SSO email trust and joining stop using it at once." : ""}
                  </span>
                  <Button type="submit" size="sm" variant="danger">
                    Remove {domain.domain}
                  </Button>
                  <Link href="/settings/domains" className="text-sm text-slate-600 hover:underline">
                    Cancel
                  </Link>
                </form>
              ) : (
                <Link href={`/settings/domains?remove=${domain.id}#domain-${domain.id}`} className="text-sm font-medium text-red-700 hover:underline">
                  Remove
                </Link>
              )}
            </div>
          </div>
        ) : null}
      </section>
    </Card>
  );
}
