/** A verified domain as routing and trust see it. */
export type VerifiedDomain = { accountId: string; domain: string; includeSubdomains: boolean };

/** The domain itself and every parent below the top level: a.b.acme.test → a.b.acme.test, b.acme.test, acme.test. */
export function candidateDomains(emailDomain: string): string[] {
  const labels = emailDomain.toLowerCase().replace(/\.$/, "").split(".").filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < labels.length - 1; i++) out.push(labels.slice(i).join("."));
  return out;
}

/**
 * The verified domain an email domain falls under: an exact match, or a parent that covers its
 * subdomains; the most specific one wins.
 */
export function matchVerifiedDomain(emailDomain: string, verified: VerifiedDomain[]): VerifiedDomain | null {
  const wanted = emailDomain.toLowerCase().replace(/\.$/, "");
  const candidates = candidateDomains(wanted);
  for (const candidate of candidates) {
    const hit = verified.find((v) => v.domain === candidate && (candidate === wanted || v.includeSubdomains));
    if (hit) return hit;
  }
  return null;
}
