/// <reference path="../types/oidc-provider.d.ts" />
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Interaction } from "oidc-provider";
import { loginPage } from "../html/login";
import { HttpError, readForm, sendHtml } from "../http";
import { findUser, usersFor } from "../users";
import type { ProfileProvider } from "./provider";

async function loadInteraction(target: ProfileProvider, req: IncomingMessage, res: ServerResponse, uid: string): Promise<Interaction> {
  let interaction: Interaction;
  try {
    interaction = await target.provider.interactionDetails(req, res);
  } catch {
    throw new HttpError(400, "This sign-in attempt has expired or its cookie is missing. Start signing in again from the app.", "Sign-in expired");
  }
  if (interaction.uid !== uid) {
    throw new HttpError(400, "This page belongs to a different sign-in attempt. Start again from the app.", "Sign-in expired");
  }
  return interaction;
}

function renderLogin(target: ProfileProvider, interaction: Interaction, res: ServerResponse, options: { error?: string; prefill?: string } = {}): void {
  const { profile } = target;
  const clientId = String(interaction.params.client_id ?? "an app");
  const loginHint = typeof interaction.params.login_hint === "string" ? interaction.params.login_hint : undefined;
  sendHtml(
    res,
    options.error ? 401 : 200,
    loginPage({
      title: profile.title,
      accent: profile.accent,
      subtitle: `Sign in to continue to ${clientId}.`,
      action: `${profile.issuerPath}/interaction/${interaction.uid}/login`,
      users: usersFor(profile.id),
      error: options.error,
      prefill: options.prefill ?? loginHint,
    }),
  );
}

/** Grants whatever the consent prompt says is missing; the sandbox never asks. */
async function finishConsent(target: ProfileProvider, interaction: Interaction, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { provider } = target;
  const details = interaction.prompt.details as {
    missingOIDCScope?: string[];
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
  };
  const grant =
    (interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined) ??
    new provider.Grant({
      accountId: interaction.session?.accountId,
      clientId: String(interaction.params.client_id),
    });
  if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(" "));
  if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
  for (const [resource, scopes] of Object.entries(details.missingResourceScopes ?? {})) {
    grant.addResourceScope(resource, scopes.join(" "));
  }
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

export async function showInteraction(target: ProfileProvider, req: IncomingMessage, res: ServerResponse, uid: string): Promise<void> {
  const interaction = await loadInteraction(target, req, res, uid);
  if (interaction.prompt.name === "login") return renderLogin(target, interaction, res);
  return finishConsent(target, interaction, req, res);
}

export async function submitLogin(target: ProfileProvider, req: IncomingMessage, res: ServerResponse, uid: string): Promise<void> {
  const interaction = await loadInteraction(target, req, res, uid);
  const form = await readForm(req);
  // A quick-pick button sends `pick`; the Sign in button sends only the typed `email`.
  const login = (form.pick || form.email || "").trim();
  if (!login) return renderLogin(target, interaction, res, { error: "Enter an email address." });

  const user = findUser(target.profile.id, login);
  if (!user) {
    return renderLogin(target, interaction, res, {
      error: `No test user ${login} in the ${target.profile.vendor} sandbox. Pick one of the users below, or add one in apps/idp-sandbox/src/users.ts.`,
      prefill: login,
    });
  }
  await target.provider.interactionFinished(req, res, { login: { accountId: target.profile.subject(user) } }, { mergeWithLastSubmission: false });
}
