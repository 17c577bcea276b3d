import type { Metadata } from "next";
import { listAuditEvents } from "@gatehouse/core";
import { Card, CardHeader, TableHead } from "@gatehouse/ui";
import { isAdminSession, requireAccount } from "@/auth/session";
import { coreContext } from "@/server/context";
import { AdminsOnly } from "../../_components/admins-only";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  const session = await requireAccount();
  if (!isAdminSession(session)) {
    return <AdminsOnly what="read the audit log of" accountName={session.activeAccount.name} />;
  }
  const events = await listAuditEvents(coreContext().db, session.activeAccount.id, 200);
  return (
    <Card>
      <CardHeader title="Audit log" description="Every change to this account: who, what, when and from which IP. Newest first." />
      <table className="w-full text-left text-sm">
        <TableHead columns={["When (UTC)", "Who", "What", "Target", "IP"]} />
        <tbody className="divide-y divide-slate-100">
          {events.map((e) => (
            <tr key={e.id} data-testid="audit-row">
              <td className="whitespace-nowrap px-5 py-2 text-slate-600">{e.createdAt.toISOString().replace("T", " ").slice(0, 19)}</td>
              <td className="px-5 py-2">{e.actorLabel}</td>
              <td className="px-5 py-2 font-mono text-xs">{e.action}</td>
              <td className="px-5 py-2">{e.targetLabel ?? ""}</td>
              <td className="px-5 py-2 text-slate-600">{e.ip ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
