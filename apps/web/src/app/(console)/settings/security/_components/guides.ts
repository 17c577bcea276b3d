import type { SsoProviderId } from "@gatehouse/sso/input";

// Short set-up guides per identity provider, as data so the wording can be reviewed in one place.
// Steps refer to the values shown above them ("the Redirect URI above") rather than repeating URLs.

export type Guide = { id: string; title: string; steps: string[] };

const okta: Guide = {
  id: "okta-oidc",
  title: "Okta",
  steps: [
    "In the Okta Admin Console, open Applications → Applications → Create App Integration, choose “OIDC - OpenID Connect” and “Web Application”.",
    "Under “Sign-in redirect URIs”, paste the Redirect URI above. Leave the sign-out redirect empty.",
    "Under Assignments, choose the people or groups who may sign in, then Save.",
    "On the app's General tab, copy the Client ID and the Client secret into the fields below.",
    "On the same tab, Client authentication “Client secret” (Okta's default) means client_secret_basic: choose “Client secret in the Authorization header (client_secret_basic)” as Token endpoint auth method below. (“Public key / Private key” is not supported.)",
    "As “Okta organisation URL”, enter your Okta address, like https://your-org.okta.com (not the -admin address). With a custom authorization server, paste its issuer, like https://your-org.okta.com/oauth2/default.",
  ],
};

const entra: Guide = {
  id: "entra-oidc",
  title: "Microsoft Entra ID",
  steps: [
    "In the Microsoft Entra admin center, open Identity → Applications → App registrations → New registration. Supported account types: “Accounts in this organizational directory only”.",
    "Under Redirect URI, choose the platform “Web” and paste the Redirect URI above, then Register.",
    "On the app's Overview, copy the “Application (client) ID” into Client ID, and note the “Directory (tenant) ID”.",
    "Open Certificates & secrets → New client secret. Copy the secret's Value, not its Secret ID: Entra shows the Value only once.",
    "As the issuer, enter the v2.0 issuer URL with your Directory (tenant) ID: https://login.microsoftonline.com/<Directory (tenant) ID>/v2.0.",
    "Optional: under Token configuration → Add optional claim → ID, add “email”, so people with a mailbox send their email address.",
  ],
};

const google: Guide = {
  id: "google-oidc",
  title: "Google Workspace",
  steps: [
    "In the Google Cloud console, choose a project of your Workspace organisation. Under Google Auth Platform (OAuth consent screen), set the audience to “Internal”.",
    "Open Clients (APIs & Services → Credentials) → Create client → Application type “Web application”.",
    "Under “Authorized redirect URIs”, paste the Redirect URI above, then Create.",
    "Copy the Client ID and the Client secret into the fields below.",
    "Enter your Workspace domain, like acme.com: only accounts of that domain may sign in.",
  ],
};

const jumpcloudOidc: Guide = {
  id: "jumpcloud-oidc",
  title: "JumpCloud",
  steps: [
    "In the JumpCloud Admin Portal, open SSO Applications → Add New Application → Custom Application, and choose “Configure SSO with OIDC”.",
    "Under Redirect URIs, paste the Redirect URI above. Client Authentication Type: “Client Secret Post” (choose the same below).",
    "Under Attribute Mapping, tick the standard scopes Email and Profile.",
    "Activate the app, then copy the Client ID and Client Secret it shows once into the fields below. Bind the user groups who may sign in.",
    "As OpenID configuration URL, enter https://oauth.id.jumpcloud.com/.well-known/openid-configuration.",
  ],
};

const oneloginOidc: Guide = {
  id: "onelogin-oidc",
  title: "OneLogin",
  steps: [
    "In OneLogin Administration, open Applications → Add App and choose “OpenID Connect (OIDC)”.",
    "On the Configuration tab, paste the Redirect URI above into “Redirect URI's”.",
    "On the SSO tab, copy the Client ID and Client Secret into the fields below. Set “Token Endpoint Authentication Method” to POST, and choose “Client secret in the request body” below.",
    "As OpenID configuration URL, enter https://<your-subdomain>.onelogin.com/oidc/2/.well-known/openid-configuration.",
    "On the Users or Access tab, give the right people access to the app.",
  ],
};

const genericOidc: Guide = {
  id: "generic-oidc",
  title: "Any OpenID Connect provider",
  steps: [
    "In your identity provider, create an OpenID Connect application of type “Web” (a confidential client using the authorization code flow).",
    "Add the Redirect URI above as an allowed redirect or callback URL.",
    "Copy its client ID and client secret into the fields below, and choose how its token endpoint expects the secret (most accept it in the request body).",
    "Enter its issuer URL, or the URL ending in /.well-known/openid-configuration.",
    "Allow the scopes openid, profile and email.",
  ],
};

const genericSaml: Guide = {
  id: "generic-saml",
  title: "Any SAML 2.0 provider",
  steps: [
    "In your identity provider, create a SAML 2.0 application (or import the SP metadata URL above, if it can).",
    "Single sign-on URL (ACS URL): paste the ACS URL above. Audience (SP entity ID): paste the SP entity ID above.",
    "Name ID format: EmailAddress. Application username (the Name ID's value): the person's email address.",
    "Sign both the response and the assertion. Leave assertion encryption off, or turn it on with our SP certificate (Export SP certificate).",
    "Send the attributes email, firstName and lastName, or keep your IdP's names and change the attribute mapping below.",
    "Give us the IdP metadata: its URL is best (certificate rotations are picked up), or the downloaded XML, or the three values by hand.",
  ],
};

const oktaSaml: Guide = {
  id: "okta-saml",
  title: "Okta",
  steps: [
    "In the Okta Admin Console, open Applications → Applications → Create App Integration → SAML 2.0.",
    "Single sign-on URL: the ACS URL above (keep “Use this for Recipient URL and Destination URL” ticked). Audience URI (SP Entity ID): the SP entity ID above.",
    "Name ID format: EmailAddress. Application username: Email.",
    "Attribute Statements: email → user.email, firstName → user.firstName, lastName → user.lastName.",
    "Finish, assign people on the Assignments tab, then on the Sign On tab copy the “Metadata URL” and paste it below.",
  ],
};

const entraSaml: Guide = {
  id: "entra-saml",
  title: "Microsoft Entra ID",
  steps: [
    "In the Microsoft Entra admin center, open Enterprise applications → New application → Create your own application → “Integrate any other application you don't find in the gallery”.",
    "Single sign-on → SAML → Basic SAML Configuration: Identifier (Entity ID) = the SP entity ID above; Reply URL (Assertion Consumer Service URL) = the ACS URL above.",
    "Attributes & Claims: set the Unique User Identifier (Name ID) to user.mail with the format “Email address”.",
    "SAML Certificates: set the signing option to “Sign SAML response and assertion”.",
    "Copy the “App Federation Metadata Url” and paste it below as Metadata URL. Assign people under Users and groups.",
  ],
};

const googleSaml: Guide = {
  id: "google-saml",
  title: "Google Workspace",
  steps: [
    "In the Google Admin console, open Apps → Web and mobile apps → Add app → Add custom SAML app.",
    "On “Google Identity Provider details”, download the metadata: Google has no metadata URL, so upload the XML file below.",
    "Service provider details: ACS URL = the ACS URL above; Entity ID = the SP entity ID above; Name ID format EMAIL; Name ID = Basic Information › Primary email.",
    "Attribute mapping: Primary email → email, First name → firstName, Last name → lastName.",
    "Under User access, turn the app on for everyone or for the right organisational units.",
  ],
};

const jumpcloudSaml: Guide = {
  id: "jumpcloud-saml",
  title: "JumpCloud",
  steps: [
    "In the JumpCloud Admin Portal, open SSO Applications → Add New Application → Custom Application, and choose “Configure SSO with SAML”.",
    "IdP Entity ID: a unique name of your choice. SP Entity ID: the SP entity ID above. ACS URL: the ACS URL above.",
    "SAMLSubject NameID: email; NameID format: urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress. Signature: “Sign Assertion and Response”.",
    "Attributes: email → email, firstName → firstname, lastName → lastname.",
    "Activate the app, bind the user groups who may sign in, then Export Metadata and upload the XML below.",
  ],
};

const oneloginSaml: Guide = {
  id: "onelogin-saml",
  title: "OneLogin",
  steps: [
    "In OneLogin Administration, open Applications → Add App and choose “SAML Custom Connector (Advanced)”.",
    "Configuration: Audience (EntityID) = the SP entity ID above; Recipient and ACS (Consumer) URL = the ACS URL above; ACS URL Validator = the ACS URL with dots escaped. SAML signature element: Both.",
    "SSO tab: SAML nameID format Email. Parameters: NameID value Email; add email, firstName and lastName, each “Include in SAML assertion”.",
    "On the SSO tab, copy the “Issuer URL” (it is the metadata URL) and paste it below as Metadata URL.",
    "On the Users or Access tab, give the right people access to the app.",
  ],
};

/** The guides to offer for a provider; the first one is shown open. */
export function guidesFor(provider: SsoProviderId): Guide[] {
  switch (provider) {
    case "okta":
      return [okta];
    case "entra":
      return [entra];
    case "google":
      return [google];
    case "oidc":
      return [genericOidc, jumpcloudOidc, oneloginOidc, okta, entra];
    case "saml":
      return [genericSaml, oktaSaml, entraSaml, googleSaml, jumpcloudSaml, oneloginSaml];
  }
}
