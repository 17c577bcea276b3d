import { getJackson, JACKSON_PRODUCT } from "../jackson";
import { ssoUrls, type SsoContext } from "../context";

/**
 * Mirrors a SAML connection into Jackson (tenant = our connection id). Replacing it whole keeps
 * Jackson's copy exactly what we store, whatever changed.
 */
export async function syncSamlConnectionToJackson(ctx: SsoContext, connectionId: string, rawMetadata: string): Promise<{ ok: true } | { ok: false; error: string }> {
  const jackson = await getJackson(ctx);
  const urls = ssoUrls(ctx.appUrl);
  try {
    await jackson.connectionAPIController.deleteConnections({ tenant: connectionId, product: JACKSON_PRODUCT });
    await jackson.connectionAPIController.createSAMLConnection({
      rawMetadata,
      tenant: connectionId,
      product: JACKSON_PRODUCT,
      defaultRedirectUrl: urls.samlCallbackUri,
      redirectUrl: [urls.samlCallbackUri],
      name: connectionId,
    });
    return { ok: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/EntityID already exists/i.test(message)) {
      return { ok: false, error: "Another connection already uses this IdP entity ID. Each connection needs its own app in your IdP, with its own entity ID." };
    }
    return { ok: false, error: `The SAML settings were not accepted: ${message}` };
  }
}

export async function removeSamlConnectionFromJackson(ctx: SsoContext, connectionId: string): Promise<void> {
  const jackson = await getJackson(ctx);
  await jackson.connectionAPIController.deleteConnections({ tenant: connectionId, product: JACKSON_PRODUCT }).catch(() => {});
}
