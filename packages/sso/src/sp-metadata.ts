import type { SsoContext } from "./context";
import { getJackson } from "./jackson";

/** Our SP metadata XML (entity ID, ACS, signing and encryption certificate), for IdPs that import it. */
export async function spMetadataXml(ctx: SsoContext): Promise<string> {
  const jackson = await getJackson(ctx);
  return jackson.spConfig.toXMLMetadata(true);
}

/** The SP certificate (PEM) an IdP needs for encrypted assertions or signed requests. */
export async function spCertificatePem(ctx: SsoContext): Promise<string> {
  const jackson = await getJackson(ctx);
  const config = await jackson.spConfig.get();
  return config.publicKey;
}
