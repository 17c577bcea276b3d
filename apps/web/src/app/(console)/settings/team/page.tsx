import type { Metadata } from "next";
import Link from "next/link";
import { isSsoExemptNow, listManagedUsers, listMembers, listPendingInvites, listPendingJoinRequests, ROLE_LABELS, usersWithMfa } from "@gatehouse/core";
import { Alert, Badge, Card, CardHeader, TableHead, TableScroll } from "@gatehouse/ui";
import { isAdminSession, requireAccount } from "@/auth/session";
import { coreContext } from "@/server/context";
import { JoinOffer } from "../../../_components/join-offer";
import { FlashBanner } from "../../_components/flash-banner";
import { InviteForm } from "./_components/invite-form";
import { JoinRequestsCard } from "./_components/join-requests-card";
import { ManagedUsersCard } from "./_components/managed-users-card";
import { MemberActions } from "./_components/member-actions";
import { revokeInviteAction } from "./actions";

export const metadata: Metadata = { title: "Team" };

type Params = Promise<{ q?: string; after?: string; before?: string; flash?: string; joined?: string; mq?: string; mpage?: string }>;

export default async function TeamPage({ searchParams }: { searchParams: Params }) {
  const session = await requireAccount();
  const params = await searchParams;
  const ctx = coreContext();
  const isAdmin = isAdminSession(session);
  const search = typeof params.q === "string" ? params.q.slice(0, 200) : "";
  // Pages are keyset cursors (the edge row's sort key), not page numbers: an offset deep into a
  // 50,000-member account reads every row before it.
  const cursor = (value: unknown) => (typeof value === "string" ? value.slice(0, 1000) : undefined);
  const { members, total, totalIsCapped, nextCursor, prevCursor } = await listMembers(ctx.db, {
    accountId: session.activeAccount.id,
    search,
    after: cursor(params.after),
    before: cursor(params.before),
  });
  const withMfa = isAdmin
    ? await usersWithMfa(
        ctx.db,
        members.map((m) => m.userId),
      )
    : new Set<string>();
  const totalLabel = totalIsCapped ? `${total.toLocaleString("en-US")}+` : String(total);
  const invites = isAdmin ? await listPendingInvites(ctx, session.activeAccount.id) : [];
  const joinRequests = isAdmin ? await listPendingJoinRequests(ctx.db, session.activeAccount.id) : [];
  const managedSearch = typeof params.mq === "string" ? params.mq.slice(0, 200) : "";
  const managed = isAdmin
    ? await listManagedUsers(ctx.db, { accountId: session.activeAccount.id, search: managedSearch, page: Number(params.mpage) || 1 })
    : null;
  const now = new Date();
  const pageHref = (edge: { after: string } | { before: string }) =>
    `/settings/team?${new URLSearchParams({ ...(search ? { q: search } : {}), ...edge }).toString()}`;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Team members</h1>
        <p className="mt-1 text-sm text-slate-600">
          People in <strong>{session.activeAccount.name}</strong> and their roles.
          {isAdmin ? null : " Only account admins can change the team."}
        </p>
      </div>
      {params.joined ? <Alert tone="success">Welcome to {session.activeAccount.name}.</Alert> : null}
      <FlashBanner id={params.flash} />
      <JoinOffer session={session} from="/settings/team" />
      {isAdmin ? <JoinRequestsCard requests={joinRequests} /> : null}

      {isAdmin ? (
        <Card>
          <CardHeader title="Invite a member" description="They get an email with a link to join. Links work for 7 days." />
          <div className="px-5 py-4">
            <InviteForm />
          </div>
        </Card>
      ) : null}

      <Card>
        <CardHeader
          title={`Members (${totalLabel})`}
          actions={
            <form role="search" method="get" action="/settings/team" className="flex w-full gap-2 sm:w-auto">
              <label htmlFor="member-search" className="sr-only">
                Search members
              </label>
              <input
                id="member-search"
                name="q"
                defaultValue={search}
                placeholder="Search by name or email"
                className="min-w-0 flex-1 rounded-md sm:w-64 sm:flex-none border-0 px-3 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600"
              />
              <button type="submit" className="rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-slate-300 hover:bg-slate-50">
                Search
              </button>
            </form>
          }
        />
        <TableScroll>
          <table className="w-full text-left text-sm">
            <TableHead columns={["Name", "Email", "Role", ...(isAdmin ? ["MFA", { label: "Actions", hidden: true as const }] : [])]} />
            <tbody className="divide-y divide-slate-100">
              {members.length === 0 ? (
                <tr>
                  <td colSpan={isAdmin ? 5 : 3} className="px-5 py-6 text-center text-slate-500">
                    {search ? `No members match “${search}”.` : "No members yet."}
                  </td>
                </tr>
              ) : null}
              {members.map((m) => (
                <tr key={m.userId} data-testid="member-row">
                  <td className="px-5 py-3 font-medium text-slate-900">
                    {m.name || "—"} {m.userId === session.user.id ? <Badge>You</Badge> : null}{" "}
                    {/* Their IdP adds and removes them; the role is still ours to set. */}
                    {m.source === "scim" ? (
                      <span title="Provisioned by your identity provider (SCIM). Removing them there removes them here; you still set their role.">
                        <Badge tone="indigo">SCIM</Badge>
                      </span>
                    ) : null}{" "}
                    {isSsoExemptNow(m, now) ? (
                      <span title="May sign in with a password while this account requires SSO (break-glass or contractor).">
                        <Badge tone="amber">{m.ssoExemptUntil ? `SSO off until ${m.ssoExemptUntil.toISOString().slice(0, 10)}` : "SSO off"}</Badge>
                      </span>
                    ) : null}
                  </td>
                  <td className="px-5 py-3 text-slate-700">{m.email}</td>
                  <td className="px-5 py-3">
                    {isAdmin ? null : <Badge tone={m.role === "admin" ? "indigo" : "slate"}>{ROLE_LABELS[m.role]}</Badge>}
                    {isAdmin ? <MemberActions.Role member={m} isSelf={m.userId === session.user.id} accountName={session.activeAccount.name} /> : null}
                  </td>
                  {isAdmin ? <td className="px-5 py-3">{withMfa.has(m.userId) ? <Badge tone="emerald">On</Badge> : <Badge>Off</Badge>}</td> : null}
                  {isAdmin ? (
                    <td className="px-5 py-3 text-right">
                      <MemberActions.Row member={m} isSelf={m.userId === session.user.id} hasMfa={withMfa.has(m.userId)} />
                      <MemberActions.SsoExemption member={m} exemptNow={isSsoExemptNow(m, now)} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        {nextCursor || prevCursor ? (
          <nav aria-label="Pagination" className="flex items-center justify-between border-t border-slate-200 px-5 py-3 text-sm">
            <span className="text-slate-600">
              Showing {members.length} of {totalLabel}
            </span>
            <span className="flex gap-2">
              {prevCursor ? (
                <Link href={pageHref({ before: prevCursor })} className="rounded px-2 py-1 ring-1 ring-slate-300">
                  Previous
                </Link>
              ) : null}
              {nextCursor ? (
                <Link href={pageHref({ after: nextCursor })} className="rounded px-2 py-1 ring-1 ring-slate-300">
                  Next
                </Link>
              ) : null}
            </span>
          </nav>
        ) : null}
      </Card>

      {managed ? <ManagedUsersCard {...managed} search={managedSearch} /> : null}

      {isAdmin && invites.length > 0 ? (
        <Card>
          <CardHeader title={`Pending invites (${invites.length})`} />
          <ul className="divide-y divide-slate-100">
            {invites.map((invite) => (
              <li key={invite.id} className="flex items-center justify-between px-5 py-3 text-sm" data-testid="invite-row">
                <span>
                  <span className="font-medium">{invite.email}</span> · {ROLE_LABELS[invite.role]} · expires {invite.expiresAt.toISOString().slice(0, 10)}
                </span>
                <form action={revokeInviteAction}>
                  <input type="hidden" name="inviteId" value={invite.id} />
                  <button type="submit" className="text-sm font-medium text-red-700 hover:underline">
                    Revoke
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
