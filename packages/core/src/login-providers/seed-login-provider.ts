import { deploymentSettings, loginProviders, type Database } from "@gatehouse/db";
import { encryptSecret } from "../secrets";
import { setStaff } from "../staff";
import { DEFAULT_PROVIDER_MAPPING } from "./map-provider-profile";

/**
 * `pnpm dev` only: a "Google" login provider aimed at the IdP sandbox's Google-shaped issuer, with
 * Federated Login on and the demo admin as staff, so the whole flow can be tried offline. An
 * existing "google" provider is left as it is.
 */
export async function seedDevLoginProvider(
  db: Database,
  input: { issuer: string; discoveryUrl: string; clientId: string; clientSecret: string; encryptionKey: string; staffEmail: string },
): Promise<{ created: boolean }> {
  const [created] = await db
    .insert(loginProviders)
    .values({
      identifier: "google",
      name: "Google",
      description: "Development: the IdP sandbox's Google-shaped provider.",
      discoveryUrl: input.discoveryUrl,
      issuer: input.issuer,
      clientId: input.clientId,
      clientSecretEncrypted: encryptSecret(input.clientSecret, input.encryptionKey),
      tokenEndpointAuthMethod: "client_secret_post",
      attributeMapping: DEFAULT_PROVIDER_MAPPING,
      buttonText: "Login with Google",
      enabled: true,
    })
    .onConflictDoNothing()
    .returning({ id: loginProviders.id });
  if (created) await db.insert(deploymentSettings).values({ id: 1, federatedLoginEnabled: true }).onConflictDoNothing();
  await setStaff(db, input.staffEmail, true);
  return { created: Boolean(created) };
}
