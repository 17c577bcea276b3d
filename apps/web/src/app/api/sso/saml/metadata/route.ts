import { spMetadataXml } from "@gatehouse/sso";
import { ssoContext } from "@/server/sso-context";

/** Our SAML SP metadata (also our SP entity ID), for IdPs that import it. */
export async function GET() {
  return new Response(await spMetadataXml(ssoContext()), { headers: { "content-type": "application/xml; charset=utf-8" } });
}
