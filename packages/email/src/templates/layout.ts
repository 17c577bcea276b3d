import type { RenderedEmail } from "../types";
import { assertWebUrl, escapeHtml } from "./format";

export const DEFAULT_PRODUCT_NAME = "Gatehouse";

/** Every field is plain text; the layout escapes it. */
export type LayoutContent = {
  productName: string;
  subject: string;
  /** The inbox preview line. */
  preheader: string;
  heading: string;
  /** Before the button. */
  paragraphs: string[];
  button: { label: string; url: string };
  /** After the button and its copyable link: expiry and safety notes. */
  notes?: string[];
  /** Completes "You received this email because …". */
  reason: string;
};

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const TEXT = `font-family:${FONT};font-size:15px;line-height:24px;color:#3f3f46;`;
const SMALL = `font-family:${FONT};font-size:13px;line-height:20px;color:#71717a;`;
const FOOTER = `font-family:${FONT};font-size:12px;line-height:18px;color:#a1a1aa;`;

export function renderLayout(content: LayoutContent): RenderedEmail {
  assertWebUrl(content.button.url);
  return { subject: content.subject, html: renderHtml(content), text: renderText(content) };
}

function footer(content: LayoutContent): string {
  return `You received this email because ${content.reason}. If you didn't expect it, you can ignore it.`;
}

// Tables and inline styles because that is what Outlook and Gmail render consistently.
function renderHtml(content: LayoutContent): string {
  const e = escapeHtml;
  const url = e(content.button.url);
  const paragraph = (text: string, style = TEXT, gap = 16) => `<p style="margin:0 0 ${gap}px;${style}">${e(text)}</p>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${e(content.subject)}</title>
</head>
<body style="margin:0;padding:0;background-color:#f4f4f5;">
<div style="display:none;max-height:0;overflow:hidden;opacity:0;color:transparent;">${e(content.preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f4f4f5;">
<tr><td align="center" style="padding:32px 16px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;">
<tr><td style="padding:0 4px 16px;font-family:${FONT};font-size:18px;font-weight:700;color:#18181b;">${e(content.productName)}</td></tr>
<tr><td style="background-color:#ffffff;border:1px solid #e4e4e7;border-radius:8px;padding:32px;">
<h1 style="margin:0 0 16px;font-family:${FONT};font-size:22px;line-height:30px;font-weight:700;color:#18181b;">${e(content.heading)}</h1>
${content.paragraphs.map((text) => paragraph(text)).join("\n")}
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px;">
<tr><td align="center" bgcolor="#18181b" style="border-radius:6px;background-color:#18181b;">
<a href="${url}" target="_blank" rel="noopener" style="display:inline-block;padding:12px 24px;font-family:${FONT};font-size:15px;font-weight:600;line-height:20px;color:#ffffff;text-decoration:none;border-radius:6px;">${e(content.button.label)}</a>
</td></tr>
</table>
${paragraph("If the button doesn't work, copy and paste this link into your browser:", SMALL, 4)}
<p style="margin:0 0 16px;${SMALL}word-break:break-all;"><a href="${url}" target="_blank" rel="noopener" style="color:#2563eb;text-decoration:underline;">${url}</a></p>
${(content.notes ?? []).map((text) => paragraph(text, SMALL, 8)).join("\n")}
</td></tr>
<tr><td style="padding:24px 4px 0;${FOOTER}">${e(footer(content))}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}

function renderText(content: LayoutContent): string {
  const blocks = [
    content.heading,
    ...content.paragraphs,
    `${content.button.label}:\n${content.button.url}`,
    ...(content.notes ?? []),
    `-- \n${footer(content)}\n${content.productName}`,
  ];
  return `${blocks.join("\n\n")}\n`;
}
