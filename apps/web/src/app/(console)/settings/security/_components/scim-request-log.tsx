import Link from "next/link";
import { encodeScimLogCursor, SCIM_REQUEST_LOG_MAX, type listScimRequestLog } from "@gatehouse/core";
import { Badge, TableHead, TableScroll } from "@gatehouse/ui";
import { formatUtc } from "../_lib/format";

type LogPage = Awaited<ReturnType<typeof listScimRequestLog>>;

const statusTone = (status: number) => (status >= 500 ? "red" : status >= 400 ? "amber" : "emerald");

/** The directory's last requests, newest first, a page at a time ("Older requests" follows a cursor). */
export function ScimRequestLog({ page, basePath, isFirstPage }: { page: LogPage; basePath: string; isFirstPage: boolean }) {
  return (
    <div className="space-y-2" id="scim-log">
      <p className="text-sm text-slate-600">
        The last {SCIM_REQUEST_LOG_MAX.toLocaleString("en")} requests your IdP sent, kept 30 days, with secrets removed from the bodies. When your IdP reports
        an error, the SCIM error column says what we sent back.
      </p>
      <TableScroll>
        <table className="w-full text-left text-sm" aria-label="SCIM request log">
          <TableHead columns={["Time", "Request", "Status", "What changed", "SCIM error"]} />
          <tbody className="divide-y divide-slate-100">
            {page.entries.length === 0 ? (
              <tr>
                <td colSpan={5} className="px-5 py-6 text-center text-slate-500">
                  No requests yet. They appear here as soon as your IdP connects.
                </td>
              </tr>
            ) : null}
            {page.entries.map((entry) => (
              <tr key={entry.id} data-testid="scim-log-row" className="align-top">
                <td className="whitespace-nowrap px-5 py-2 text-slate-600">{formatUtc(entry.at)}</td>
                <td className="px-5 py-2">
                  <span className="font-mono text-xs">
                    {entry.method} {entry.path}
                  </span>
                  {entry.requestBody !== null && entry.requestBody !== undefined ? (
                    <details>
                      <summary className="cursor-pointer text-xs text-indigo-700">Body</summary>
                      <pre className="mt-1 max-h-64 max-w-md overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-xs">
                        {JSON.stringify(entry.requestBody, null, 2)}
                      </pre>
                    </details>
                  ) : null}
                </td>
                <td className="px-5 py-2">
                  <Badge tone={statusTone(entry.status)}>{entry.status}</Badge>
                </td>
                <td className="px-5 py-2 text-slate-700">{entry.summary ?? "—"}</td>
                <td className="px-5 py-2 text-red-800">{entry.error ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {page.next || !isFirstPage ? (
        <nav aria-label="Request log pages" className="flex gap-2 text-sm">
          {!isFirstPage ? (
            <Link href={`${basePath}#scim-log`} className="rounded px-2 py-1 ring-1 ring-slate-300">
              Newest requests
            </Link>
          ) : null}
          {page.next ? (
            <Link
              href={`${basePath}?scimLog=${encodeURIComponent(encodeScimLogCursor(page.next))}#scim-log`}
              className="rounded px-2 py-1 ring-1 ring-slate-300"
            >
              Older requests
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
