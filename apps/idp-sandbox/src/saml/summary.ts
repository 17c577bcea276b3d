import { activeKey, type SamlApp, type SigningKeyState } from "./apps";
import { samlAppUrls } from "./urls";

/** What the HTTP API and createSamlApp return: everything an SP needs, no private keys. */
export interface SamlAppSummary {
  id: string;
  name: string;
  entityId: string;
  metadataUrl: string;
  ssoUrl: string;
  initiateUrl: string;
  /** The certificate currently signing responses. */
  certificatePem: string;
  acsUrl: string;
  spEntityId: string;
  signResponse: boolean;
  signAssertion: boolean;
  encryptAssertion: boolean;
  attributeProfile: SamlApp["attributeProfile"];
  keys: Array<{
    id: string;
    state: SigningKeyState;
    certificatePem: string;
    notBefore: string;
    notAfter: string;
    fingerprintSha256: string;
  }>;
}

export function summarise(app: SamlApp, baseUrl: string): SamlAppSummary {
  const urls = samlAppUrls(baseUrl, app.id);
  return {
    id: app.id,
    name: app.name,
    entityId: app.entityId,
    metadataUrl: urls.metadataUrl,
    ssoUrl: urls.ssoUrl,
    initiateUrl: urls.initiateUrl,
    certificatePem: activeKey(app).certificatePem,
    acsUrl: app.acsUrl,
    spEntityId: app.spEntityId,
    signResponse: app.signResponse,
    signAssertion: app.signAssertion,
    encryptAssertion: app.encryptAssertion,
    attributeProfile: app.attributeProfile,
    keys: app.keys.map((key) => ({
      id: key.id,
      state: key.state,
      certificatePem: key.certificatePem,
      notBefore: key.notBefore.toISOString(),
      notAfter: key.notAfter.toISOString(),
      fingerprintSha256: key.fingerprintSha256,
    })),
  };
}
