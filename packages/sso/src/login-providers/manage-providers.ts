import { asc, deploymentSettings, eq, loginProviders, type LoginProvider } from "@gatehouse/db";
import { decryptSecret, encryptSecret, fail, isStaffUser, maskSecret, ok, recordAuditEvent, type Actor, type Result } from "@gatehouse/core";
import { resolveOidcDiscoveryUrl } from "../checks";
import type { SsoContext } from "../context";
import { readLogo } from "../connections/logo";
import type { LoginProviderInput } from "./provider-input";

const STAFF_ONLY = "Only Gatehouse staff can manage login providers.";

/** The redirect URI a provider's app must list: one per provider, named by its identifier. */
export function providerCallbackUrl(appUrl: string, identifier: string): string {
  return `${appUrl}/api/providers/${identifier}/callback`;
}

/**
 * What staff typed ("accounts.google.com", an Entra tenant URL, a full issuer) → the discovery
 * document and the issuer ID tokens must carry. A bare domain is taken as https.
 */
export function resolveProviderIssuer(raw: string): Result<{ discoveryUrl: string; issuer: string | null }> {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw.trim()) ? raw.trim() : `https://${raw.trim()}`;
  const host = (() => {
    try {
      return new URL(withScheme).hostname;
    } catch {
      return "";
    }
  })();
  const kind = host === "accounts.google.com" ? "google" : /^login\.microsoftonline\./i.test(host) ? "entra" : "oidc";
  const resolved = resolveOidcDiscoveryUrl(kind, withScheme);
  return resolved.ok ? ok({ discoveryUrl: resolved.value.discoveryUrl, issuer: resolved.value.expectedIssuer ?? null }) : resolved;
}

export type LoginProviderView = Omit<LoginProvider, "clientSecretEncrypted"> & { clientSecretMask: string | null; callbackUrl: string };

/** A provider as a page may show it: the secret masked, never decrypted further. */
export function toLoginProviderView(ctx: Pick<SsoContext, "encryptionKey" | "appUrl">, provider: LoginProvider): LoginProviderView {
  const { clientSecretEncrypted, ...rest } = provider;
  let clientSecretMask: string | null = null;
  if (clientSecretEncrypted) {
    try {
      clientSecretMask = maskSecret(decryptSecret(clientSecretEncrypted, ctx.encryptionKey));
    } catch {
      clientSecretMask = "•••••••• (cannot be read with this ENCRYPTION_KEY: paste it again)";
    }
  }
  return { ...rest, clientSecretMask, callbackUrl: providerCallbackUrl(ctx.appUrl, provider.identifier) };
}

export async function listLoginProviders(db: SsoContext["db"]): Promise<LoginProvider[]> {
  return db.select().from(loginProviders).orderBy(asc(loginProviders.displayOrder), asc(loginProviders.name));
}

export async function getLoginProvider(db: SsoContext["db"], id: string): Promise<LoginProvider | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db.select().from(loginProviders).where(eq(loginProviders.id, id)).limit(1);
  return row ?? null;
}

export async function getLoginProviderByIdentifier(db: SsoContext["db"], identifier: string): Promise<LoginProvider | null> {
  const [row] = await db.select().from(loginProviders).where(eq(loginProviders.identifier, identifier.toLowerCase())).limit(1);
  return row ?? null;
}

export async function isFederatedLoginEnabled(db: SsoContext["db"]): Promise<boolean> {
  const [row] = await db.select({ on: deploymentSettings.federatedLoginEnabled }).from(deploymentSettings).where(eq(deploymentSettings.id, 1)).limit(1);
  return row?.on ?? false;
}

export type LoginButton = Pick<LoginProvider, "id" | "identifier" | "name" | "buttonText" | "logoDataUrl">;

/** The "Or continue with" buttons: none while Federated Login is off; enabled providers in their order. */
export async function listLoginButtons(db: SsoContext["db"]): Promise<LoginButton[]> {
  if (!(await isFederatedLoginEnabled(db))) return [];
  const rows = await listLoginProviders(db);
  return rows.filter((p) => p.enabled).map(({ id, identifier, name, buttonText, logoDataUrl }) => ({ id, identifier, name, buttonText, logoDataUrl }));
}

async function requireStaff(ctx: Pick<SsoContext, "db">, actor: Actor): Promise<boolean> {
  return Boolean(actor.userId && (await isStaffUser(ctx.db, actor.userId)));
}

/** Creates (no `providerId`) or updates a provider. A blank secret on edit keeps the stored one. */
export async function saveLoginProvider(
  ctx: SsoContext,
  input: { actor: Actor; providerId: string | null; values: LoginProviderInput },
): Promise<Result<LoginProvider>> {
  if (!(await requireStaff(ctx, input.actor))) return fail(STAFF_ONLY);
  const v = input.values;
  const resolved = resolveProviderIssuer(v.issuer);
  if (!resolved.ok) return fail(resolved.error);
  const existing = input.providerId ? await getLoginProvider(ctx.db, input.providerId) : null;
  if (input.providerId && !existing) return fail("That provider no longer exists.");
  const clash = await getLoginProviderByIdentifier(ctx.db, v.identifier);
  if (clash && clash.id !== existing?.id) return fail(`Another provider already uses the identifier "${v.identifier}". Pick another.`);
  const needsSecret = v.tokenEndpointAuthMethod !== "none";
  if (needsSecret && !v.clientSecret && !existing?.clientSecretEncrypted)
    return fail("Enter the client secret (or choose the auth method none, with PKCE, for a public client).");
  const clientSecretEncrypted = !needsSecret
    ? null
    : v.clientSecret
      ? encryptSecret(v.clientSecret, ctx.encryptionKey)
      : (existing?.clientSecretEncrypted ?? null);
  const row = {
    identifier: v.identifier,
    name: v.name,
    description: v.description,
    discoveryUrl: resolved.value.discoveryUrl,
    issuer: resolved.value.issuer,
    clientId: v.clientId,
    clientSecretEncrypted,
    tokenEndpointAuthMethod: v.tokenEndpointAuthMethod,
    scopes: v.scopes,
    provisioningMode: v.provisioningMode,
    allowedDomains: v.allowedDomains,
    emailTrust: v.emailTrust,
    attributeMapping: v.attributeMapping,
    buttonText: v.buttonText || `Login with ${v.name}`,
    displayOrder: v.displayOrder,
    updatedAt: new Date(),
  };
  const saved = await ctx.db.transaction(async (tx) => {
    const [provider] = existing
      ? await tx.update(loginProviders).set(row).where(eq(loginProviders.id, existing.id)).returning()
      : await tx.insert(loginProviders).values(row).returning();
    await recordAuditEvent(tx, {
      accountId: null,
      actor: input.actor,
      action: existing ? "login_provider.updated" : "login_provider.created",
      target: { type: "login_provider", id: provider!.id, label: provider!.name },
      metadata: { identifier: provider!.identifier, secretChanged: Boolean(v.clientSecret) },
    });
    return provider!;
  });
  return ok(saved);
}

export async function setLoginProviderEnabled(ctx: SsoContext, input: { actor: Actor; providerId: string; enabled: boolean }): Promise<Result<void>> {
  if (!(await requireStaff(ctx, input.actor))) return fail(STAFF_ONLY);
  const provider = await getLoginProvider(ctx.db, input.providerId);
  if (!provider) return fail("That provider no longer exists.");
  if (provider.enabled === input.enabled) return ok(undefined);
  await ctx.db.transaction(async (tx) => {
    await tx.update(loginProviders).set({ enabled: input.enabled, updatedAt: new Date() }).where(eq(loginProviders.id, provider.id));
    await recordAuditEvent(tx, {
      accountId: null,
      actor: input.actor,
      action: input.enabled ? "login_provider.enabled" : "login_provider.disabled",
      target: { type: "login_provider", id: provider.id, label: provider.name },
      metadata: { from: provider.enabled ? "enabled" : "disabled", to: input.enabled ? "enabled" : "disabled" },
    });
  });
  return ok(undefined);
}

/** Sets (bytes) or removes (null) the provider's button logo; PNG, JPG or sanitised SVG only. */
export async function setLoginProviderLogo(ctx: SsoContext, input: { actor: Actor; providerId: string; bytes: Uint8Array | null }): Promise<Result<void>> {
  if (!(await requireStaff(ctx, input.actor))) return fail(STAFF_ONLY);
  const provider = await getLoginProvider(ctx.db, input.providerId);
  if (!provider) return fail("That provider no longer exists.");
  const logo = input.bytes ? readLogo(input.bytes) : null;
  if (logo && !logo.ok) return logo;
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(loginProviders)
      .set({ logoDataUrl: logo?.value.dataUrl ?? null, updatedAt: new Date() })
      .where(eq(loginProviders.id, provider.id));
    await recordAuditEvent(tx, {
      accountId: null,
      actor: input.actor,
      action: logo ? "login_provider.logo_set" : "login_provider.logo_removed",
      target: { type: "login_provider", id: provider.id, label: provider.name },
      metadata: logo ? { storedType: logo.value.contentType, bytes: logo.value.bytes } : {},
    });
  });
  return ok(undefined);
}

/** Federated Login: whether /login shows the enabled providers at all. */
export async function setFederatedLogin(ctx: SsoContext, input: { actor: Actor; enabled: boolean }): Promise<Result<void>> {
  if (!(await requireStaff(ctx, input.actor))) return fail(STAFF_ONLY);
  const before = await isFederatedLoginEnabled(ctx.db);
  if (before === input.enabled) return ok(undefined);
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(deploymentSettings)
      .values({ id: 1, federatedLoginEnabled: input.enabled })
      .onConflictDoUpdate({ target: deploymentSettings.id, set: { federatedLoginEnabled: input.enabled, updatedAt: new Date() } });
    await recordAuditEvent(tx, {
      accountId: null,
      actor: input.actor,
      action: "deployment.federated_login_changed",
      target: { type: "deployment", id: "1", label: "Federated Login" },
      metadata: { from: before ? "on" : "off", to: input.enabled ? "on" : "off" },
    });
  });
  return ok(undefined);
}
