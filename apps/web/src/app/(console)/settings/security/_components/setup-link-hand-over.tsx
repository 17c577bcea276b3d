import { Card, CardHeader } from "@gatehouse/ui";
import type { ConnectionView } from "@gatehouse/sso";
import { TestConnection } from "./test-connection";

/** What a setup link's recipient finishes with: Test Connection here; Authenticate and switching on are the admins'. */
export function SetupLinkHandOver({ connection, accountName }: { connection: ConnectionView; accountName: string }) {
  return (
    <Card>
      <CardHeader
        title="Test, then hand back"
        description={`Run Test Connection. When it passes, ${accountName}'s admins are told it is ready; they sign in through it once and switch it on.`}
      />
      <section id="step-test" aria-labelledby="test-heading" className="scroll-mt-4 space-y-2 px-5 py-4">
        <h3 id="test-heading" className="text-sm font-semibold text-slate-900">
          Test Connection
        </h3>
        <TestConnection connectionId={connection.id} />
      </section>
    </Card>
  );
}
