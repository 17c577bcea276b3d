import { spCertificatePem } from "@gatehouse/sso";
import { ssoContext } from "@/server/sso-context";

/** Export SP Certificate: for IdPs that encrypt assertions to us or verify our requests. */
export async function GET() {
  return new Response(await spCertificatePem(ssoContext()), {
    headers: { "content-type": "application/x-pem-file", "content-disposition": 'attachment; filename="gatehouse-sp-certificate.pem"' },
  });
}
