import type { Readable } from "node:stream";
import { simpleParser } from "mailparser";
import type { SMTPServerEnvelope } from "smtp-server";
import { extractLinks, type CapturedEmail } from "./captured-email";

export async function parseEmail(source: Readable, envelope: SMTPServerEnvelope): Promise<CapturedEmail> {
  const mail = await simpleParser(source);
  const html = typeof mail.html === "string" ? mail.html : "";
  return {
    to: envelope.rcptTo.map((recipient) => recipient.address),
    from: mail.from?.text ?? (envelope.mailFrom ? envelope.mailFrom.address : ""),
    subject: mail.subject ?? "",
    text: mail.text ?? "",
    html,
    links: extractLinks(html),
    receivedAt: new Date().toISOString(),
  };
}
