import { connectionHealth, type HealthInput } from "@gatehouse/core";
import { Alert, Badge } from "@gatehouse/ui";

const THING = { certificate: "Certificate", secret: "Client secret" } as const;

/** The connections list's short note: "Certificate expires in 9 days" or "Client secret expired". */
export function ConnectionHealthBadge({ connection, now }: { connection: HealthInput; now: Date }) {
  const { status, credential } = connectionHealth(connection, now);
  if (!credential || status === "ok" || status === "unknown") return null;
  const left = credential.daysLeft === 1 ? "1 day" : `${credential.daysLeft} days`;
  return (
    <Badge tone={status === "expired" ? "red" : "amber"}>
      {status === "expired" ? `${THING[credential.what]} expired` : `${THING[credential.what]} expires in ${left}`}
    </Badge>
  );
}

/** The connection page's warning with the fix; for an OIDC secret with a known date, that date. */
export function ConnectionHealthNotice({ connection, now }: { connection: HealthInput; now: Date }) {
  const { status, credential, message } = connectionHealth(connection, now);
  if (message && credential) {
    return (
      <Alert
        tone={status === "expired" ? "error" : "warning"}
        title={status === "expired" ? `${THING[credential.what]} expired` : `${THING[credential.what]} expires soon`}
      >
        {message}
      </Alert>
    );
  }
  if (credential?.what === "secret")
    return <p className="text-sm text-slate-600">Client secret valid until {credential.expiresAt.toISOString().slice(0, 10)}.</p>;
  return null;
}
