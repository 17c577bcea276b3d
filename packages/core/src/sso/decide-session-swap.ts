import { normaliseEmail } from "../email-address";

export type SessionSwapDecision =
  | { kind: "proceed" }
  /** Someone else is signed in in this browser: ask before their session is replaced. */
  | { kind: "ask"; signedInEmail: string; incomingEmail: string };

/**
 * A link that signs someone in (an SSO email confirmation) is opened in a browser where a session
 * may already exist, often the admin's own while they set SSO up for a member. Replacing it without
 * a word loses the admin's place; the same person, or nobody signed in, goes straight on.
 */
export function decideSessionSwap(input: { signedInEmail: string | null; incomingEmail: string; confirmed: boolean }): SessionSwapDecision {
  if (input.confirmed || input.signedInEmail === null) return { kind: "proceed" };
  if (normaliseEmail(input.signedInEmail) === normaliseEmail(input.incomingEmail)) return { kind: "proceed" };
  return { kind: "ask", signedInEmail: input.signedInEmail, incomingEmail: input.incomingEmail };
}
