import { Button, Card, CardHeader } from "@gatehouse/ui";
import type { ConnectionView } from "@gatehouse/sso";
import { formatUtc } from "../_lib/format";
import { TestConnection } from "./test-connection";

/**
 * What a setup link's recipient finishes with: Test Connection, then Authenticate as themselves at
 * the IdP (a result for the admins, never a sign-in). Switching on stays with the account's admins.
 */
export function SetupLinkHandOver({ connection, accountName, recipientEmail }: { connection: ConnectionView; accountName: string; recipientEmail: string }) {
  return (
    <Card>
      <CardHeader
        title="Test, authenticate, then hand back"
        description={`Run Test Connection, then Authenticate. When Authenticate passes, ${accountName}'s admins are told it is ready and switch it on.`}
      />
      <div className="divide-y divide-slate-100">
        <section id="step-test" aria-labelledby="test-heading" className="scroll-mt-4 space-y-2 px-5 py-4">
          <h3 id="test-heading" className="text-sm font-semibold text-slate-900">
            Test Connection
          </h3>
          <TestConnection connectionId={connection.id} />
        </section>
        <section id="step-authenticate" aria-labelledby="authenticate-heading" className="scroll-mt-4 space-y-2 px-5 py-4">
          <h3 id="authenticate-heading" className="text-sm font-semibold text-slate-900">
            Authenticate
          </h3>
          <p className="text-sm text-slate-600">
            Sign in through your IdP once as {recipientEmail} to prove the settings work. It signs you in to nothing here: it only records the result.
          </p>
          <form method="post" action="/setup/authenticate">
            <input type="hidden" name="connectionId" value={connection.id} />
            <Button type="submit">Authenticate</Button>
          </form>
          {connection.verifiedAt ? <p className="text-xs text-slate-500">Last proven {formatUtc(connection.verifiedAt)}.</p> : null}
        </section>
      </div>
    </Card>
  );
}
