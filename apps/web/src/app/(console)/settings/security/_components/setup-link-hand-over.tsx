import { Card, CardHeader } from "@gatehouse/ui";
import type { ConnectionView } from "@gatehouse/sso";
import { AuthenticateStep, TestStep } from "./connection-actions";

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
        <TestStep connectionId={connection.id} />
        <AuthenticateStep connection={connection} startAt="/setup/authenticate">
          Sign in through your IdP once as {recipientEmail} to prove the settings work. It signs you in to nothing here: it only records the result.
        </AuthenticateStep>
      </div>
    </Card>
  );
}
