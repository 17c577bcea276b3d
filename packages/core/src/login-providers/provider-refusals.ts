import type { ProviderRefusalCode } from "./decide-provider-sign-in";

export type ProviderRefusalText = { message: string; advice: string };

/**
 * Fixed texts for every refusal of a login-provider sign-in: the URL carries only the code, so no
 * one can put words of their own on our login page.
 */
export const PROVIDER_REFUSALS: Record<
  ProviderRefusalCode | "flow_stale" | "other_browser" | "provider_error" | "provider_unavailable" | "federated_login_off",
  ProviderRefusalText
> = {
  no_email: {
    message: "The provider did not share your email address.",
    advice: "Allow Gatehouse to see your email at the provider, or sign in with your email and password.",
  },
  domain_not_allowed: {
    message: "This provider is not open to your email's domain.",
    advice: "Sign in with your email and password, or with your organisation's SSO.",
  },
  no_matching_login: {
    message: "There is no Gatehouse login with this email, and this provider only signs in existing logins.",
    advice: "Sign up first, or ask your admin for an invitation; then you can link this provider.",
  },
  linked_to_someone_else: {
    message: "This provider login is already linked to another Gatehouse login.",
    advice: "Sign in with that login and unlink it there first.",
  },
  flow_stale: {
    message: "This sign-in has expired or was already completed.",
    advice: "Start again from the login page; sign-ins must finish within 10 minutes.",
  },
  other_browser: { message: "This sign-in was started in another browser.", advice: "Open the login page in this browser and start again from there." },
  provider_error: {
    message: "The sign-in provider did not complete the sign-in.",
    advice: "Try again; if it keeps failing, sign in with your email and password.",
  },
  provider_unavailable: { message: "This sign-in option is not available.", advice: "It may have been switched off. Sign in with your email and password." },
  federated_login_off: {
    message: "Signing in with other providers is switched off on this deployment.",
    advice: "Sign in with your email and password, or with SSO.",
  },
};

export type ProviderRefusalKey = keyof typeof PROVIDER_REFUSALS;

export function isProviderRefusalKey(code: string): code is ProviderRefusalKey {
  return Object.hasOwn(PROVIDER_REFUSALS, code);
}
