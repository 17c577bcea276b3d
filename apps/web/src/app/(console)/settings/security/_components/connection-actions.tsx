import type { ReactNode } from "react";
import Link from "next/link";
import { Button, Card, CardHeader, ConfirmForm } from "@gatehouse/ui";
import type { ConnectionView } from "@gatehouse/sso";
import { deleteConnectionAction, switchOffAction, switchOnAction } from "../actions";
import { formatUtc } from "../_lib/format";
import { TestConnection } from "./test-connection";

export function TestStep({ connectionId }: { connectionId: string }) {
  return (
    <section id="step-test" aria-labelledby="test-heading" className="scroll-mt-4 space-y-2 px-5 py-4">
      <h3 id="test-heading" className="text-sm font-semibold text-slate-900">
        Test Connection
      </h3>
      <TestConnection connectionId={connectionId} />
    </section>
  );
}

/**
 * Authenticate: a real sign-in through the IdP. Admins start it at /api/sso/start; a setup link's
 * recipient at /setup/authenticate, where the browser sends the link's cookie.
 */
export function AuthenticateStep({
  connection,
  startAt,
  children,
}: {
  connection: Pick<ConnectionView, "id" | "verifiedAt">;
  startAt: "/api/sso/start" | "/setup/authenticate";
  children: ReactNode;
}) {
  return (
    <section id="step-authenticate" aria-labelledby="authenticate-heading" className="scroll-mt-4 space-y-2 px-5 py-4">
      <h3 id="authenticate-heading" className="text-sm font-semibold text-slate-900">
        Authenticate
      </h3>
      <p className="text-sm text-slate-600">{children}</p>
      <form method="post" action={startAt}>
        <input type="hidden" name="connectionId" value={connection.id} />
        {startAt === "/api/sso/start" ? <input type="hidden" name="purpose" value="authenticate" /> : null}
        <Button type="submit">Authenticate</Button>
      </form>
      {connection.verifiedAt ? <p className="text-xs text-slate-500">Last proven {formatUtc(connection.verifiedAt)}.</p> : null}
    </section>
  );
}

/** Test, Authenticate and switch on: the path from a saved connection to one members use. */
export function ConnectionActions({ connection, accountSlug }: { connection: ConnectionView; accountSlug: string }) {
  const signInPath = `/sso/${accountSlug}`;
  return (
    <Card>
      <CardHeader title="Set up and switch on" description="Each step proves a little more; the stepper above ticks them off." />
      <div className="divide-y divide-slate-100">
        <TestStep connectionId={connection.id} />
        <AuthenticateStep connection={connection} startAt="/api/sso/start">
          Sign in through your IdP once, as yourself, to prove the settings work. Required before switching on.
        </AuthenticateStep>

        <section id="step-switch_on" aria-labelledby="switch-heading" className="scroll-mt-4 space-y-2 px-5 py-4">
          <h3 id="switch-heading" className="text-sm font-semibold text-slate-900">
            Switch on
          </h3>
          {connection.enabled ? (
            <p className="text-sm text-slate-600">
              Members can sign in with it now. To switch it off, open the{" "}
              <Link href="?tab=danger" className="font-medium text-indigo-700 hover:underline">
                Danger zone
              </Link>
              .
            </p>
          ) : (
            <form action={switchOnAction} className="flex flex-wrap items-center gap-3">
              <input type="hidden" name="connectionId" value={connection.id} />
              <Button type="submit" disabled={!connection.isVerified} aria-describedby="switch-on-help">
                Switch on
              </Button>
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

/** The Danger zone tab: switch the connection off, or delete it; both ask first. */
export function ConnectionDangerZone({ connection }: { connection: ConnectionView }) {
  const target = (
    <>
      <input type="hidden" name="connectionId" value={connection.id} />
      <input type="hidden" name="tab" value="danger" />
    </>
  );
  return (
    <>
      {connection.enabled ? (
        <Card className="ring-red-200">
          <CardHeader
            title="Switch off"
            description="Members can no longer sign in with it, and the sessions it signed in end now. You can switch it on again later."
          />
          <div className="px-5 py-4">
            <ConfirmForm
              action={switchOffAction}
              triggerLabel="Switch off"
              title={`Switch off ${connection.name}?`}
              description="Members can no longer sign in with it, and everyone it signed in is signed out now. You can switch it on again later."
              confirmLabel="Switch off"
              checkboxLabel="I understand members it signed in are signed out"
            >
              {target}
            </ConfirmForm>
          </div>
        </Card>
      ) : null}
      <Card className="ring-red-200">
        <CardHeader title="Delete connection" description="Sessions it signed in end at once. This cannot be undone." />
        <div className="px-5 py-4">
          <ConfirmForm
            action={deleteConnectionAction}
            triggerLabel="Delete connection"
            title={`Delete ${connection.name}?`}
            description="Members will no longer be able to sign in with it, and the sessions it signed in end at once. This cannot be undone."
            confirmLabel="Delete connection"
            checkboxLabel="I understand members will no longer be able to sign in with it"
            className="flex flex-col items-start gap-3"
          >
            {target}
          </ConfirmForm>
        </div>
      </Card>
    </>
  );
}
