import { isWithinFreshTestWindow, type TestedMark } from "@gatehouse/core";
import { Button, Card, CardHeader } from "@gatehouse/ui";
import { markTestedAction } from "../test-actions";
import { formatUtc } from "../_lib/format";
import { SendTestEmailForm } from "./send-test-email-form";

/**
 * Someone else tries the connection before members rely on it: a test email to a member, and the
 * admin's own "I already tested this connection", which the server allows only after a successful
 * Authenticate or test sign-in.
 */
export function TestByEmailCard({ connectionId, marked }: { connectionId: string; marked: TestedMark }) {
  // A mark unlocks requiring SSO for 24 hours (core's isFreshlyTested); after that it can be renewed.
  const canMark = !marked || !isWithinFreshTestWindow(marked.at, new Date());
  return (
    <Card>
      <CardHeader
        title="Test with a member"
        description="Ask a member to sign in through this connection before everyone relies on it. Their result appears under Recent results."
      />
      <div className="divide-y divide-slate-100">
        <section aria-labelledby="test-email-heading" className="space-y-2 px-5 py-4">
          <h3 id="test-email-heading" className="text-sm font-semibold text-slate-900">
            Send test email
          </h3>
          <p className="text-sm text-slate-600">
            The member gets a link that signs them in through this connection once, as a test. It works even while the connection is switched off.
          </p>
          <SendTestEmailForm connectionId={connectionId} />
        </section>
        <section aria-labelledby="marked-heading" className="space-y-2 px-5 py-4">
          <h3 id="marked-heading" className="text-sm font-semibold text-slate-900">
            Tested
          </h3>
          {marked ? (
            <p className="text-sm text-slate-700" data-testid="marked-tested">
              Marked as tested {formatUtc(marked.at)} by {marked.byEmail ?? "an admin who has since left"}.
            </p>
          ) : null}
          {canMark ? (
            <form action={markTestedAction} className="flex flex-wrap items-center gap-3">
              <input type="hidden" name="connectionId" value={connectionId} />
              <Button type="submit" variant="secondary">
                I already tested this connection
              </Button>
              <span className="text-sm text-slate-600">
                Possible once an Authenticate or test sign-in has succeeded; lets you require SSO for the next 24 hours.
              </span>
            </form>
          ) : null}
        </section>
      </div>
    </Card>
  );
}
