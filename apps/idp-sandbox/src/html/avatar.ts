import { createHash } from "node:crypto";
import { escapeHtml } from "./escape";

/** Initials on a colour derived from the user key: a `picture` claim that resolves offline. */
export function avatarSvg(key: string, initials: string): string {
  const hue = createHash("sha256").update(key).digest()[0]! * (360 / 256);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">
<rect width="96" height="96" rx="48" fill="hsl(${hue.toFixed(0)},55%,45%)"/>
<text x="48" y="58" font-family="system-ui,sans-serif" font-size="36" font-weight="600" fill="#fff" text-anchor="middle">${escapeHtml(initials)}</text>
</svg>
`;
}
