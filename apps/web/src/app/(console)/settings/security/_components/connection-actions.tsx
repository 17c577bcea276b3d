import { Button, Card, CardHeader } from "@gatehouse/ui";
import type { ConnectionView } from "@gatehouse/sso";
import { deleteConnectionAction, switchOffAction, switchOnAction } from "../actions";
import { formatUtc } from "../_lib/format";
import { StatusBadge } from "./status-badge";
import { TestConnection } from "./test-connection";

/** Test, Authenticate and switch on: the path from a saved connection to one members use. */
export function ConnectionActions({ connection, accountSlug }: { connection: ConnectionView; accountSlug: string }) {
  const signInPath = `/sso/${accountSlug}`;
  return (
    <Card>
      <CardHeader title="Status" description={<>This connection is <StatusBadge connection={connection} /></>} />
      <div className="divide-y divide-slate-100">
        <section aria-labelledby="test-heading" className="space-y-2 px-5 py-4">
          <h3 id="test-heading" className="text-sm font-semibold text-slate-900">1. Test Connection</h3>
          <TestConnection connectionId={connection.id} />
        </section>

        <section aria-labelledby="authenticate-heading" className="space-y-2 px-5 py-4">
          <h3 id="authenticate-heading" className="text-sm font-semibold text-slate-900">2. Authenticate</h3>
          <p className="text-sm text-slate-600">Sign in through your IdP once, as yourself, to prove the settings work. Required before switching on.</p>
          <form method="post" action="/api/sso/start">
            <input type="hidden" name="connectionId" value={connection.id} />
            <input type="hidden" name="purpose" value="authenticate" />
            <Button type="submit">Authenticate</Button>
          </form>
          {connection.verifiedAt ? <p className="text-xs text-slate-500">Last proven {formatUtc(connection.verifiedAt)}.</p> : null}
        </section>

        <section aria-labelledby="switch-heading" className="space-y-2 px-5 py-4">
          <h3 id="switch-heading" className="text-sm font-semibold text-slate-900">3. Switch on</h3>
          {connection.enabled ? (
            <form action={switchOffAction} className="flex flex-wrap items-center gap-3">
              <input type="hidden" name="connectionId" value={connection.id} />
              <Button type="submit" variant="danger">Switch off</Button>
              <span className="text-sm text-slate-600">Members can sign in with it now. Switching off ends the sessions it signed in.</span>
            </form>
          ) : (
            <form action={switchOnAction} className="flex flex-wrap items-center gap-3">
              <input type="hidden" name="connectionId" value={connection.id} />
              <Button type="submit" disabled={!connection.isVerified} aria-describedby="switch-on-help">Switch on</Button>
              <span id="switch-on-help" className="text-sm text-slate-600">
                {connection.isVerified
                  ? "Members will see its button on the sign-in page."
                  : "Run Authenticate successfully first: it proves these settings work, so a typo cannot lock members out."}
              </span>
            </form>
          )}
          <p className="text-sm text-slate-600">
            Members sign in at{" "}
            <a href={signInPath} className="font-medium text-indigo-700 hover:underline" data-testid="member-sign-in-link">
              {signInPath}
            </a>
            .
          </p>
        </section>
      </div>
    </Card>
  );
}

export function DeleteConnection({ connectionId }: { connectionId: string }) {
  return (
    <Card className="ring-red-200">
      <CardHeader title="Delete connection" description="Sessions it signed in end at once. This cannot be undone." />
      <form action={deleteConnectionAction} className="space-y-3 px-5 py-4">
        <input type="hidden" name="connectionId" value={connectionId} />
        <div className="flex items-start gap-2">
          <input id="delete-confirm" name="confirm" type="checkbox" className="mt-0.5 h-4 w-4 rounded border-slate-300 text-red-600" />
          <label htmlFor="delete-confirm" className="text-sm text-slate-800">I understand members will no longer be able to sign in with it</label>
        </div>
        <Button type="submit" variant="danger">Delete connection</Button>
      </form>
    </Card>
  );
}
