import { loadEmailRoute, offersPasswordInstead } from "@gatehouse/core";
import { db } from "./context";
import { startSignInFromAction } from "./sso-sign-in-start";

/** The /login URL of a step for this email ("sso" = the choice of the domain's connections). */
export function loginStepPath(email: string, callbackUrl: string, step?: "sso"): string {
  const params = new URLSearchParams({ email });
  if (step) params.set("step", step);
  if (callbackUrl) params.set("callbackUrl", callbackUrl);
  return `/login?${params.toString()}`;
}

/**
 * Where a typed email sends the browser (from a server action): straight to the only IdP of its
 * verified domain, to the choice of several, or to the password step.
 */
export async function routeTypedEmail(email: string, callbackUrl: string, options: { passwordInstead?: boolean } = {}): Promise<string> {
  const { route, match } = await loadEmailRoute(db(), email);
  // "Use my password instead": granted unless the domain requires SSO.
  if (options.passwordInstead && (!match || offersPasswordInstead(match))) return loginStepPath(email, callbackUrl);
  if (route.kind === "idp") return startSignInFromAction({ connectionId: route.connectionId, callbackUrl: callbackUrl || "/", loginHint: email });
  return loginStepPath(email, callbackUrl, route.kind === "choose" ? "sso" : undefined);
}
