import { and, eq, ssoConnections, type SsoConnection } from "@gatehouse/db";
import type { SsoContext } from "../context";
import { getJackson, JACKSON_PRODUCT } from "../jackson";

/**
 * The connection a SAML response's Issuer names: the one Jackson holds that IdP entity ID for.
 * Several accounts may have saved the same entity ID (only one can hold it, see
 * `decideEntityIdClaim`), so our own column alone could pick another account's connection.
 */
export async function findConnectionByIssuer(ctx: SsoContext, issuer: string | null): Promise<SsoConnection | undefined> {
  if (!issuer) return undefined;
  const jackson = await getJackson(ctx);
  const registrations = await jackson.connectionAPIController.getConnections({ entityId: issuer });
  const holder = registrations.find((registration) => registration.product === JACKSON_PRODUCT && /^[0-9a-f-]{36}$/i.test(registration.tenant));
  if (!holder) return undefined;
  const [row] = await ctx.db
    .select()
    .from(ssoConnections)
    .where(and(eq(ssoConnections.id, holder.tenant), eq(ssoConnections.provider, "saml"), eq(ssoConnections.idpEntityId, issuer)))
    .limit(1);
  return row;
}
