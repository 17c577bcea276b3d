import { eq, ssoConnections } from "@gatehouse/db";
import { fail, isAccountAdmin, nowOf, ok, recordAuditEvent, type Actor, type Result } from "@gatehouse/core";
import type { SsoContext } from "../context";
import { getConnection } from "./queries";
import { NOT_AN_IMAGE, sanitizeSvg } from "./sanitize-svg";

export { NOT_AN_IMAGE, SVG_ENTITIES_REFUSED, sanitizeSvg } from "./sanitize-svg";

export const LOGO_MAX_BYTES = 100 * 1024;

export type LogoImage = { contentType: "image/png" | "image/jpeg" | "image/svg+xml"; dataUrl: string; bytes: number };

const kilobytes = (bytes: number) => Math.ceil(bytes / 1024);
const tooLarge = (bytes: number) => `The logo is ${kilobytes(bytes)} KB; the limit is ${LOGO_MAX_BYTES / 1024} KB.`;

/**
 * Reads an uploaded logo: a PNG or JPEG by its magic bytes, or an SVG (a text document whose root
 * element is <svg>), which is sanitised. The file name and the browser's content type are never
 * trusted. Returns the data URL to store.
 */
export function readLogo(bytes: Uint8Array): Result<LogoImage> {
  if (bytes.length === 0) return fail("The file is empty. Choose a PNG, JPG or SVG image.");
  if (bytes.length > LOGO_MAX_BYTES) return fail(tooLarge(bytes.length));
  const base64 = () => Buffer.from(bytes).toString("base64");
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return ok({ contentType: "image/png", dataUrl: `data:image/png;base64,${base64()}`, bytes: bytes.length });
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) {
    return ok({ contentType: "image/jpeg", dataUrl: `data:image/jpeg;base64,${base64()}`, bytes: bytes.length });
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fail(NOT_AN_IMAGE);
  }
  const svg = sanitizeSvg(text);
  if (!svg.ok) return svg;
  const size = Buffer.byteLength(svg.value, "utf8");
  if (size > LOGO_MAX_BYTES) return fail(tooLarge(size));
  return ok({ contentType: "image/svg+xml", dataUrl: `data:image/svg+xml;base64,${Buffer.from(svg.value, "utf8").toString("base64")}`, bytes: size });
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Sets the logo shown on the connection's sign-in button. A refused file changes nothing. */
export async function setConnectionLogo(
  ctx: SsoContext,
  input: { accountId: string; connectionId: string; fileName: string; contentType: string; bytes: Uint8Array; actor: Actor },
): Promise<Result<{ logoDataUrl: string }>> {
  if (!(await isAccountAdmin(ctx.db, input.accountId, input.actor))) return fail("Only account admins can configure SSO.");
  const connection = await getConnection(ctx.db, input.accountId, input.connectionId);
  if (!connection) return fail("That connection no longer exists.");
  const logo = readLogo(input.bytes);
  if (!logo.ok) return logo;
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(ssoConnections)
      .set({ logoDataUrl: logo.value.dataUrl, updatedAt: nowOf(ctx) })
      .where(eq(ssoConnections.id, connection.id));
    await recordAuditEvent(tx, {
      accountId: input.accountId,
      actor: input.actor,
      action: "sso.connection.logo_set",
      target: { type: "sso_connection", id: connection.id, label: connection.name },
      metadata: {
        fileName: input.fileName.slice(0, 200),
        declaredType: input.contentType.slice(0, 100),
        storedType: logo.value.contentType,
        bytes: logo.value.bytes,
      },
    });
  });
  return ok({ logoDataUrl: logo.value.dataUrl });
}

/** Removes the connection's logo; its button shows the provider's default again. */
export async function removeConnectionLogo(ctx: SsoContext, input: { accountId: string; connectionId: string; actor: Actor }): Promise<Result<void>> {
  if (!(await isAccountAdmin(ctx.db, input.accountId, input.actor))) return fail("Only account admins can configure SSO.");
  const connection = await getConnection(ctx.db, input.accountId, input.connectionId);
  if (!connection) return fail("That connection no longer exists.");
  if (connection.logoDataUrl === null) return ok(undefined);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(ssoConnections)
      .set({ logoDataUrl: null, updatedAt: nowOf(ctx) })
      .where(eq(ssoConnections.id, connection.id));
    await recordAuditEvent(tx, {
      accountId: input.accountId,
      actor: input.actor,
      action: "sso.connection.logo_removed",
      target: { type: "sso_connection", id: connection.id, label: connection.name },
    });
  });
  return ok(undefined);
}
