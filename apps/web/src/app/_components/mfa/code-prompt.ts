/** The line above the code field: which code to enter, for whom. */
export function codePrompt(kind: "totp" | "recovery", email: string): string {
  return kind === "totp" ? `Enter the code from your authenticator app for ${email}.` : `Enter one of the recovery codes you saved for ${email}.`;
}
