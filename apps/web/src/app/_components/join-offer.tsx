import { findJoinOffer, type ResolvedSession } from "@gatehouse/core";
import { Alert, Button } from "@gatehouse/ui";
import { coreContext } from "@/server/context";
import { joinThroughDomainAction, requestToJoinAction } from "./join-offer-actions";

/**
 * The offer a signed-in person gets when their verified email is on a domain another account has
 * verified with auto-join on: "Join <Account>", "Request to join <Account>", or "Request sent".
 */
export async function JoinOffer({ session, from }: { session: ResolvedSession; from: "/no-account" | "/settings/team" }) {
  const { offer, account } = await findJoinOffer(coreContext().db, session.user.id);
  if (offer.kind === "none" || !account) return null;
  if (offer.kind === "request_sent") {
    return (
      <Alert tone="info" title="Request sent">
        You asked to join {account.name}. An admin will answer; you get an email either way.
      </Alert>
    );
  }
  const join = offer.kind === "join";
  return (
    <Alert tone="info" title={join ? `Join ${account.name}` : `Request to join ${account.name}`}>
      <p>
        Your email {session.user.email} is on a domain {account.name} has verified.{" "}
        {join ? `You can join it as a Member.` : `An admin of ${account.name} approves requests to join.`}
      </p>
      <form action={join ? joinThroughDomainAction : requestToJoinAction} className="mt-2">
        <input type="hidden" name="accountId" value={account.id} />
        <input type="hidden" name="from" value={from} />
        <Button type="submit" size="sm">
          {join ? `Join ${account.name}` : `Request to join ${account.name}`}
        </Button>
      </form>
    </Alert>
  );
}
