import { auditLogCsv, listAllAuditLog } from "@gatehouse/core";
import { getCurrentSession, type AccountSession } from "@/auth/session";
import { adminAccessOf } from "@/server/admin-guard";
import { coreContext } from "@/server/context";
import { parseAuditQuery } from "../_lib/audit-query";

/** The filtered audit log as a CSV download; account admins only, their own account only. */
export async function GET(request: Request): Promise<Response> {
  const session = await getCurrentSession();
  if (!session) return text(401, "Sign in to download the audit log.");
  if (!session.activeAccount) return text(403, "Choose an account first: the audit log belongs to an account.");
  const access = await adminAccessOf(session as AccountSession);
  if (!access.ok) return text(403, `Only account admins can download the audit log of ${access.accountName}.`);
  const { filter, errors } = parseAuditQuery(Object.fromEntries(new URL(request.url).searchParams));
  if (errors.length) return text(400, errors.join(" "));
  const entries = await listAllAuditLog(coreContext().db, access.accountId, filter);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(auditLogCsv(entries), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-log-${session.activeAccount.slug}-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}

const text = (status: number, message: string) => new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
