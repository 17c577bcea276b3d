import type { Metadata } from "next";
import { AUDIT_KINDS, listAuditActors, listAuditLog } from "@gatehouse/core";
import { Alert, Card, CardHeader, TableHead, TableScroll } from "@gatehouse/ui";
import { requireAdmin } from "@/server/admin-guard";
import { coreContext } from "@/server/context";
import { AdminsOnly } from "../../_components/admins-only";
import { AuditFilterForm } from "./_components/audit-filter-form";
import { auditHref, parseAuditQuery } from "./_lib/audit-query";

export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 50;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const access = await requireAdmin();
  if (!access.ok) return <AdminsOnly what="read the audit log of" accountName={access.accountName} />;
  const { query, filter, errors } = parseAuditQuery(await searchParams);
  const db = coreContext().db;
  const { accountId } = access;
  const [page, actors] = await Promise.all([
    listAuditLog(db, accountId, filter, { before: query.before, after: query.after, limit: PAGE_SIZE }),
    listAuditActors(db, accountId),
  ]);
  const filtered = Boolean(query.actor || query.kind || query.from || query.to);
  return (
    <Card>
      <CardHeader
        title="Audit log"
        description="Sign-ins and every change to this account: who, what, when and from which IP. Newest first; times in UTC."
        actions={
          <a
            href={auditHref("/settings/audit/export", query)}
            className="rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-slate-300 hover:bg-slate-50"
            download
          >
            Download CSV
          </a>
        }
      />
      <AuditFilterForm query={query} actors={query.actor && !actors.includes(query.actor) ? [query.actor, ...actors] : actors} />
      {errors.length ? (
        <div className="px-5 pb-4">
          <Alert tone="error" title="Some filters were not used">
            {errors.join(" ")}
          </Alert>
        </div>
      ) : null}
      <TableScroll>
        <table className="w-full text-left text-sm">
          <TableHead columns={["When (UTC)", "Who", "What", "Kind", "IP"]} />
          <tbody className="divide-y divide-slate-100">
            {page.entries.length === 0 ? (
              <tr>
                <td colSpan={5} className="px-5 py-6 text-center text-slate-500">
                  {filtered ? "No events match these filters." : "No events yet."}
                </td>
              </tr>
            ) : null}
            {page.entries.map((e) => (
              <tr key={e.id} data-testid="audit-row">
                <td className="whitespace-nowrap px-5 py-2 text-slate-600">{e.createdAt.toISOString().replace("T", " ").slice(0, 19)}</td>
                <td className="px-5 py-2">{e.actorName ? <span title={e.actorLabel}>{e.actorName}</span> : e.actorLabel}</td>
                <td className="px-5 py-2" title={e.action}>
                  {e.sentence}
                </td>
                <td className="whitespace-nowrap px-5 py-2 text-slate-600">{AUDIT_KINDS[e.kind]}</td>
                <td className="px-5 py-2 text-slate-600">{e.ip ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <nav aria-label="Audit log pages" className="flex justify-between border-t border-slate-200 px-5 py-3 text-sm">
        {page.newer ? (
          <a href={auditHref("/settings/audit", query, { after: page.newer })} className="font-medium text-indigo-700 hover:underline">
            ← Newer
          </a>
        ) : (
          <span />
        )}
        {page.older ? (
          <a href={auditHref("/settings/audit", query, { before: page.older })} className="font-medium text-indigo-700 hover:underline">
            Older →
          </a>
        ) : (
          <span />
        )}
      </nav>
    </Card>
  );
}
