import type { AutoJoinPolicy, JoinRequest } from "@gatehouse/db";

/** What the console offers a signed-in person whose email falls under another account's verified domain. */
export type AutoJoinOffer =
  | { kind: "none" }
  | { kind: "join"; accountId: string; domainId: string }
  | { kind: "request"; accountId: string; domainId: string }
  | { kind: "request_sent"; accountId: string };

export type AutoJoinFacts = {
  /** The person's own email was proven (users.email_verified_at is set). */
  emailVerified: boolean;
  /** The verified domain the email falls under (most specific), or null. */
  domain: { id: string; accountId: string; autoJoin: AutoJoinPolicy } | null;
  isMember: boolean;
  /** The person's earlier request to this account, if any. */
  request: Pick<JoinRequest, "status"> | null;
};

/**
 * Auto-join needs both proofs: the account proved the domain (DNS) and the person proved the
 * address. Either one alone would let a stranger in. A declined request is final here: asking again
 * would let someone pester the admins, so the person is told nothing more than before.
 */
export function decideAutoJoin(facts: AutoJoinFacts): AutoJoinOffer {
  const { domain } = facts;
  if (!facts.emailVerified || !domain || facts.isMember || domain.autoJoin === "off") return { kind: "none" };
  if (domain.autoJoin === "join") return { kind: "join", accountId: domain.accountId, domainId: domain.id };
  if (facts.request?.status === "pending") return { kind: "request_sent", accountId: domain.accountId };
  if (facts.request) return { kind: "none" };
  return { kind: "request", accountId: domain.accountId, domainId: domain.id };
}
