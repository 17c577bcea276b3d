import type { SignInMethod } from "@gatehouse/db";
import type { CoreContext } from "./context";

export type SignInPolicyAnswer =
  | { allowed: true; grantedAccountIds: string[] | null }
  | { allowed: false; message: string; ssoAccounts: { id: string; slug: string; name: string }[] };

/**
 * May this user finish a sign-in by this method, and which accounts does the session grant?
 * Placeholder: replaced by the enforcement work at merge.
 */
export async function checkSignInMethod(_ctx: Pick<CoreContext, "db">, _input: { userId: string; method: SignInMethod }): Promise<SignInPolicyAnswer> {
  return { allowed: true, grantedAccountIds: null };
}
