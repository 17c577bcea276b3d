import type { SsoResultSummary } from "@gatehouse/db";
import { Alert, Badge, Card, CardHeader, TableHead } from "@gatehouse/ui";
import { formatUtc, PURPOSE_LABELS } from "../_lib/format";

/** The outcome of the last Authenticate, test or sign-in through the connection. */
export function LastResultBanner({ result }: { result: SsoResultSummary | null }) {
  if (!result) return <Alert tone="info" title="No results yet">Run Authenticate to sign in through your IdP once; the result appears here.</Alert>;
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

export function ResultsTable({ results }: { results: Array<{ id: string; summary: SsoResultSummary; createdAt: Date }> }) {
  return (
    <Card>
      <CardHeader title="Recent results" description="Authenticate, test sign-ins and member sign-ins through this connection. Newest first." />
      {results.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-500">Nothing yet.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <TableHead columns={["When", "What", "Who", "Outcome", "Email"]} />
          <tbody className="divide-y divide-slate-100">
            {results.map((r) => (
              <tr key={r.id} data-testid="result-row">
                <td className="whitespace-nowrap px-5 py-2 text-slate-600">{formatUtc(r.createdAt)}</td>
                <td className="px-5 py-2">{PURPOSE_LABELS[r.summary.purpose] ?? r.summary.purpose}</td>
                <td className="px-5 py-2">{r.summary.byUserEmail ?? "—"}</td>
                <td className="px-5 py-2">
                  {/* The reason is in the banner above; repeating it here would say it twice on the page. */}
                  {r.summary.ok ? <Badge tone="emerald">Succeeded</Badge> : <Badge tone="red">Failed</Badge>}
                </td>
                <td className="px-5 py-2">{r.summary.email ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
