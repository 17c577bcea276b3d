/** A password sign-in refused because the user's accounts require SSO: what /login shows. */
export type SsoRequiredRefusal = { message: string; accounts: { name: string; slug: string }[] };

/** Prefix of the CredentialsSignin code that carries an SsoRequiredRefusal (as JSON) to the login action. */
export const SSO_REQUIRED = "sso_required:";

/** The refusal a CredentialsSignin code carries, if it is one. */
export function ssoRequiredFromCode(code: string): SsoRequiredRefusal | null {
  if (!code.startsWith(SSO_REQUIRED)) return null;
  try {
    const parsed = JSON.parse(code.slice(SSO_REQUIRED.length)) as SsoRequiredRefusal;
    return parsed !== null && typeof parsed.message === "string" && Array.isArray(parsed.accounts) ? parsed : null;
  } catch {
    return null;
  }
}
