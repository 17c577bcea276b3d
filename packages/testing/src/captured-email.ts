/** One message as the SMTP capture received it. */
export type CapturedEmail = {
  /** Envelope recipients (RCPT TO), which include Bcc: who the mail was actually delivered to. */
  to: string[];
  /** The From header as mailparser renders it, e.g. `"Gatehouse" <no-reply@example.com>`. */
  from: string;
  subject: string;
  text: string;
  html: string;
  /** `href`s of the HTML's links, in document order, with HTML entities decoded. */
  links: string[];
  /** ISO 8601. */
  receivedAt: string;
};

export type EmailFilter = {
  /** Matched case-insensitively against any recipient. */
  to: string;
  /** A string matches when the subject contains it. */
  subject?: string | RegExp;
  /** Only mail received at or after this instant. */
  after?: Date;
};

export function isAddressedTo(email: CapturedEmail, address: string): boolean {
  const wanted = address.trim().toLowerCase();
  return email.to.some((recipient) => recipient.trim().toLowerCase() === wanted);
}

export function matchesFilter(email: CapturedEmail, filter: EmailFilter): boolean {
  if (!isAddressedTo(email, filter.to)) return false;
  if (filter.after && Date.parse(email.receivedAt) < filter.after.getTime()) return false;
  const { subject } = filter;
  if (typeof subject === "string") return email.subject.includes(subject);
  if (subject instanceof RegExp) {
    // A global or sticky RegExp keeps lastIndex between calls; matching must not depend on history.
    subject.lastIndex = 0;
    return subject.test(email.subject);
  }
  return true;
}

/** For timeout errors: says what was being waited for. */
export function describeFilter(filter: EmailFilter): string {
  const parts = [`to ${filter.to}`];
  if (filter.subject !== undefined) parts.push(`with subject ${String(filter.subject)}`);
  if (filter.after) parts.push(`received after ${filter.after.toISOString()}`);
  return `email ${parts.join(" ")}`;
}

const ANCHOR_HREF = /<a\b[^>]*?\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;

export function extractLinks(html: string): string[] {
  return Array.from(html.matchAll(ANCHOR_HREF), (m) => decodeEntities(m[1] ?? m[2] ?? m[3] ?? ""));
}

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] !== "#") return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
    const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return Number.isInteger(code) && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}
