import type { SsoResultSummary } from "@gatehouse/db";
import type { ConnectionActivity } from "@gatehouse/sso";
import { Alert, Badge, Card, CardHeader, CardTable } from "@gatehouse/ui";
import { formatUtc, PURPOSE_LABELS } from "../_lib/format";

/** The outcome of the last Authenticate, test or sign-in through the connection. */
export function LastResultBanner({ result }: { result: SsoResultSummary | null }) {
  // Nothing has run yet: the stepper's "Next" line says what to do.
  if (!result) return null;
  const what = `${PURPOSE_LABELS[result.purpose] ?? result.purpose} ${formatUtc(result.at)}${result.byUserEmail ? ` by ${result.byUserEmail}` : ""}`;
  if (!result.ok) {
    return (
      <div data-testid="last-result">
        <Alert tone="error" title={`Last result: failed (${what})`}>
          <p>{result.reason ?? "The sign-in did not complete."}</p>
          {result.advice ? <p className="mt-1 font-medium">{result.advice}</p> : null}
        </Alert>
      </div>
    );
  }
  return (
    <div data-testid="last-result">
      <Alert tone="success" title={`Last result: succeeded (${what})`}>
        <dl className="grid gap-x-4 sm:grid-cols-[10rem_1fr]">
          <dt>Email</dt>
          <dd className="font-medium">{result.email ?? "—"}</dd>
          <dt>Name</dt>
          <dd>{result.name ?? "—"}</dd>
          <dt>Maps to</dt>
          <dd>{result.memberLabel ?? "—"}</dd>
          {result.clockOffsetSeconds !== null ? (
            <>
              <dt>Clock offset</dt>
              <dd>{result.clockOffsetSeconds} s</dd>
            </>
          ) : null}
        </dl>
      </Alert>
    </div>
  );
}

const OUTCOME_TONES = { succeeded: "emerald", failed: "red", "email confirmation sent": "amber" } as const;

export function ResultsTable({ activity }: { activity: ConnectionActivity[] }) {
  return (
    <Card>
      <CardHeader title="Recent results" description="Authenticate, test sign-ins and member sign-ins through this connection. Newest first." />
      <CardTable columns={["When", "What", "Who", "Outcome"]} empty={activity.length === 0 && "Nothing yet."}>
        {activity.map((row) => (
          <tr key={row.id} data-testid="result-row">
            <td className="whitespace-nowrap px-5 py-2 text-slate-600">{formatUtc(row.at)}</td>
            <td className="px-5 py-2">{row.what}</td>
            <td className="px-5 py-2">{row.who ?? "—"}</td>
            <td className="px-5 py-2">
              <Badge tone={OUTCOME_TONES[row.outcome]}>
                {row.outcome === "succeeded" ? "Succeeded" : row.outcome === "failed" ? "Failed" : "Email confirmation sent"}
              </Badge>
              {/* A result's reason is in the banner above; a member's refusal is only here. */}
              {row.what === "Member sign-in" && row.reason ? <span className="mt-1 block text-xs text-slate-600">{row.reason}</span> : null}
            </td>
          </tr>
        ))}
      </CardTable>
    </Card>
  );
}
