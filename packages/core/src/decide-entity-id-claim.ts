/** A connection that holds an IdP entity ID in the SAML engine; null when the engine holds it for a connection we no longer have. */
export type EntityIdHolder = { connectionId: string; accountId: string; enabled: boolean; verifiedAt: Date | null } | { connectionId: string; accountId: null };

export type EntityIdClaim =
  /** Free, or held only by connections that never proved themselves: release those and register. */
  | { kind: "claim"; release: string[] }
  /** Another connection of the same account has it: the admin can see that one and fix it. */
  | { kind: "held_in_this_account"; connectionId: string }
  /** A proven connection of another account has it: refuse, and say nothing about that account. */
  | { kind: "held_elsewhere" };

/**
 * Who may register an IdP entity ID (the SAML engine allows one connection per entity ID). Saving
 * settings proves nothing, so a connection that never passed Authenticate must not block another
 * account; one that passed it (or members sign in with) keeps its IdP.
 */
export function decideEntityIdClaim(claimant: { connectionId: string; accountId: string }, holders: EntityIdHolder[]): EntityIdClaim {
  const others = holders.filter((holder) => holder.connectionId !== claimant.connectionId);
  const sameAccount = others.find((holder) => holder.accountId === claimant.accountId);
  if (sameAccount) return { kind: "held_in_this_account", connectionId: sameAccount.connectionId };
  const isProven = (holder: EntityIdHolder) => holder.accountId !== null && (holder.enabled || holder.verifiedAt !== null);
  if (others.some(isProven)) return { kind: "held_elsewhere" };
  return { kind: "claim", release: others.map((holder) => holder.connectionId) };
}
