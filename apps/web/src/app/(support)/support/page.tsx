import type { Metadata } from "next";
import Link from "next/link";
import { findAccountsForSupport } from "@gatehouse/core";
import { Badge, Button, Card, CardHeader, CardTable } from "@gatehouse/ui";
import { formatUtcShort } from "@/lib/support-messages";
import { db } from "@/server/context";
import { requireStaff } from "@/server/require-staff";
import { AUTH_REQUIRED_LABELS } from "./_components/labels";

export const metadata: Metadata = { title: "Find an account" };

type Params = Promise<{ q?: string | string[] }>;

export default async function SupportSearchPage({ searchParams }: { searchParams: Params }) {
  await requireStaff();
  const raw = (await searchParams).q;
  const query = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 200) ?? "";
  const hits = await findAccountsForSupport(db(), query);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-slate-900">Find an account</h1>
      <form role="search" action="/support" method="get" className="flex flex-wrap items-end gap-3">
        <div className="min-w-80 flex-1 space-y-1">
          <label htmlFor="support-q" className="block text-sm font-medium text-slate-800">
            Account name, slug, domain or member email
          </label>
          <input
            id="support-q"
            name="q"
            type="search"
            defaultValue={query}
            placeholder="acme.com or ada@acme.com"
            className="block w-full rounded-md border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600"
          />
        </div>
        <Button type="submit">Search</Button>
      </form>
      <Card>
        <CardHeader title={query ? `Accounts matching “${query}” (${hits.length})` : `Newest accounts (${hits.length})`} />
        <CardTable
          columns={["Account", "Slug", "Domains", "Members", "Sign-in requirement"]}
          empty={hits.length === 0 ? "No account matches. Try part of the name, the email domain, or a member’s full email." : null}
        >
          {hits.map((hit) => (
            <tr key={hit.id} data-testid="support-account-row">
              <td className="px-5 py-3 font-medium">
                <Link href={`/support/accounts/${hit.id}`} className="text-indigo-700 hover:underline">
                  {hit.name}
                </Link>
              </td>
              <td className="px-5 py-3 font-mono text-xs">{hit.slug}</td>
              <td className="px-5 py-3 text-slate-700">{hit.domains.join(", ") || "—"}</td>
              <td className="px-5 py-3 text-slate-700">{hit.memberCount}</td>
              <td className="px-5 py-3">
                {AUTH_REQUIRED_LABELS[hit.authRequired]}{" "}
                {hit.enforcementSuspendedUntil && hit.enforcementSuspendedUntil > new Date() ? (
                  <Badge tone="amber">suspended until {formatUtcShort(hit.enforcementSuspendedUntil)}</Badge>
                ) : null}
              </td>
            </tr>
          ))}
        </CardTable>
      </Card>
    </div>
  );
}
