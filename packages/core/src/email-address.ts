/**
 * One normal form for every email we store or compare: trimmed and lower-cased. The local part
 * is case-sensitive in theory (RFC 5321 §2.4) but no mainstream provider treats it so, and IdPs
 * send whatever case the directory holds: comparing anything else creates duplicate members.
 */
export function normaliseEmail(input: string): string {
  return input.trim().toLowerCase();
}

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmailShaped(input: string): boolean {
  return input.length <= 320 && EMAIL_SHAPE.test(input.trim());
}

export function emailDomain(email: string): string {
  return normaliseEmail(email).split("@").pop() ?? "";
}
