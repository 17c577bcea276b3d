import type { PendingJoinRequest } from "@gatehouse/core";
import { Button, Card, CardHeader } from "@gatehouse/ui";
import { decideJoinRequestAction } from "../actions";

/** Admins answer requests to join that came through a verified "request to join" domain. */
export function JoinRequestsCard({ requests }: { requests: PendingJoinRequest[] }) {
  if (requests.length === 0) return null;
  return (
    <Card>
      <CardHeader
        title={`Requests to join (${requests.length})`}
        description="People whose verified email is on one of your verified domains. Approving adds them as Members; they get an email either way."
      />
      <ul className="divide-y divide-slate-100">
        {requests.map((r) => (
          <li key={r.id} className="flex items-center justify-between gap-4 px-5 py-3 text-sm" data-testid="join-request-row">
            <span>
              <span className="font-medium text-slate-900">{r.email}</span>
              {r.name ? <span className="text-slate-600"> · {r.name}</span> : null}
              <span className="text-slate-500"> · asked {r.createdAt.toISOString().slice(0, 10)}</span>
            </span>
            <span className="flex gap-2">
              <form action={decideJoinRequestAction}>
                <input type="hidden" name="requestId" value={r.id} />
                <input type="hidden" name="decision" value="approve" />
                <Button type="submit" size="sm" aria-label={`Approve ${r.email}`}>
                  Approve
                </Button>
              </form>
              <form action={decideJoinRequestAction}>
                <input type="hidden" name="requestId" value={r.id} />
                <input type="hidden" name="decision" value="decline" />
                <Button type="submit" size="sm" variant="danger" aria-label={`Decline ${r.email}`}>
                  Decline
                </Button>
              </form>
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
