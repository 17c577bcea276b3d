import Link from "next/link";
import type { ManagedUser } from "@gatehouse/core";
import { Button, Card, CardHeader } from "@gatehouse/ui";
import { importManagedUsersAction } from "../actions";

type Props = { users: ManagedUser[]; total: number; page: number; pageCount: number; search: string };

/**
 * Managed users: people of this deployment whose verified email is on the account's verified
 * domains but who are not members. Admins import the ticked ones, or all, as Members.
 */
export function ManagedUsersCard({ users, total, page, pageCount, search }: Props) {
  if (total === 0 && !search) return null;
  const pageHref = (p: number) => `/settings/team?${new URLSearchParams({ ...(search ? { mq: search } : {}), mpage: String(p) }).toString()}`;
  return (
    <Card>
      <CardHeader
        title={`People on your verified domains (${total})`}
        description="They already sign in to this deployment but are not members. Imported people join as Members and get an email."
        actions={
          <form role="search" method="get" action="/settings/team" className="flex gap-2">
            <label htmlFor="managed-search" className="sr-only">
              Search people on your domains
            </label>
            <input
              id="managed-search"
              name="mq"
              defaultValue={search}
              placeholder="Search by email"
              className="w-56 rounded-md border-0 px-3 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600"
            />
            <button type="submit" className="rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-slate-300 hover:bg-slate-50">
              Search
            </button>
          </form>
        }
      />
      <form action={importManagedUsersAction}>
        {users.length === 0 ? <p className="px-5 py-6 text-center text-sm text-slate-500">Nobody matches “{search}”.</p> : null}
        <ul className="divide-y divide-slate-100">
          {users.map((u) => (
            <li key={u.userId} className="px-5 py-2 text-sm" data-testid="managed-user-row">
              <label className="flex items-center gap-3">
                <input type="checkbox" name="userId" value={u.userId} className="h-4 w-4 rounded border-slate-300" />
                <span className="font-medium text-slate-900">{u.email}</span>
                {u.name ? <span className="text-slate-600">{u.name}</span> : null}
              </label>
            </li>
          ))}
        </ul>
        <div className="flex items-center justify-between gap-2 border-t border-slate-200 px-5 py-3 text-sm">
          <span className="flex gap-2">
            <Button type="submit" name="scope" value="chosen" size="sm" variant="secondary">
              Import selected
            </Button>
            {/* "All" means everyone on the domains, so it is offered only on the unfiltered list. */}
            {search ? null : (
              <Button type="submit" name="scope" value="all" size="sm">
                Import all ({total})
              </Button>
            )}
          </span>
          {pageCount > 1 ? (
            <nav aria-label="Pages of people on your domains" className="flex items-center gap-2">
              <span className="text-slate-600">
                Page {page} of {pageCount}
              </span>
              {page > 1 ? (
                <Link href={pageHref(page - 1)} className="rounded px-2 py-1 ring-1 ring-slate-300">
                  Previous
                </Link>
              ) : null}
              {page < pageCount ? (
                <Link href={pageHref(page + 1)} className="rounded px-2 py-1 ring-1 ring-slate-300">
                  Next
                </Link>
              ) : null}
            </nav>
          ) : null}
        </div>
      </form>
    </Card>
  );
}
