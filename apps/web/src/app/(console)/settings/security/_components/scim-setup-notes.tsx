import type { ReactNode } from "react";

// Per-IdP steps. Common to all: userName = the work email, name.givenName and name.familyName
// mapped, group push off (groups never change roles here), passwords never sent.

type Guide = { id: string; name: string; steps: ReactNode[] };

const B = ({ children }: { children: ReactNode }) => <strong className="font-medium text-slate-900">{children}</strong>;

function guides(baseUrl: string): Guide[] {
  const url = <code className="break-all font-mono text-xs">{baseUrl}</code>;
  return [
    {
      id: "okta",
      name: "Okta",
      steps: [
        <>
          In the Admin Console open <B>Applications → Applications</B> and the app this connection signs in with. On <B>General → App Settings</B> choose{" "}
          <B>Edit</B>, set <B>Provisioning</B> to <B>SCIM</B> and save.
        </>,
        <>
          On the <B>Provisioning</B> tab → <B>Integration</B> → <B>Edit</B>: <B>SCIM connector base URL</B> = {url}; <B>Unique identifier field for users</B> ={" "}
          <code>userName</code>; <B>Supported provisioning actions</B>: Push New Users and Push Profile Updates (leave Push Groups off);{" "}
          <B>Authentication Mode</B> = HTTP Header, and paste the token as the Bearer token.
        </>,
        <>
          Choose <B>Test Connector Configuration</B>, then <B>Save</B>.
        </>,
        <>
          Under <B>Provisioning → To App</B> enable Create Users, Update User Attributes and Deactivate Users. Leave <B>Sync Password</B> off.
        </>,
        <>
          Check the mappings: <code>userName</code> = the user’s email (Okta username format Email), <code>givenName</code>, <code>familyName</code>,{" "}
          <code>email</code>. Then assign people or groups on the <B>Assignments</B> tab.
        </>,
      ],
    },
    {
      id: "entra",
      name: "Microsoft Entra ID",
      steps: [
        <>
          Open <B>Enterprise applications</B> and the app this connection signs in with, then <B>Provisioning</B>. Set <B>Provisioning Mode</B> to{" "}
          <B>Automatic</B>.
        </>,
        <>
          Under <B>Admin Credentials</B>: <B>Tenant URL</B> = {url}; <B>Secret Token</B> = the token. Choose <B>Test Connection</B>, then <B>Save</B>.
        </>,
        <>
          Under <B>Mappings</B>, switch <B>Provision Microsoft Entra ID Groups</B> off. In <B>Provision Microsoft Entra ID Users</B> map <code>userName</code> ←{" "}
          <code>userPrincipalName</code> (or <code>mail</code> if that is the work email), <code>name.givenName</code> ← <code>givenName</code>,{" "}
          <code>name.familyName</code> ← <code>surname</code>, <code>emails[type eq &quot;work&quot;].value</code> ← <code>mail</code>; keep <code>active</code>{" "}
          and <code>externalId</code> (objectId) as they are.
        </>,
        <>
          Set <B>Scope</B> to “Sync only assigned users and groups”, turn <B>Provisioning Status</B> <B>On</B> and save. Entra syncs about every 40 minutes;{" "}
          <B>Provision on demand</B> tests one person now.
        </>,
      ],
    },
    {
      id: "jumpcloud",
      name: "JumpCloud",
      steps: [
        <>
          JumpCloud provisions only from an SSO application: open <B>SSO Applications</B> and the application this connection signs in with.
        </>,
        <>
          Open its <B>Identity Management</B> tab. Set <B>SCIM Version</B> to <B>SCIM 2.0</B>, <B>Base URL</B> = {url}, <B>Token Key</B> = the token, and{" "}
          <B>Test User Email</B> = an address at your domain.
        </>,
        <>
          Choose <B>Test Connection</B>. JumpCloud creates a test user with that email and deletes it again; both requests appear in the request log below. Then
          choose <B>Activate</B> and <B>Save</B>.
        </>,
        <>
          Leave <B>Enable management of User Groups and Group Membership</B> off: groups do not change roles here. JumpCloud sends the user’s email as{" "}
          <code>userName</code> with first and last name; passwords are never sent.
        </>,
        <>
          On the application’s <B>User Groups</B> tab, select the groups whose members should be provisioned and <B>Save</B>.
        </>,
      ],
    },
    {
      id: "onelogin",
      name: "OneLogin",
      steps: [
        <>
          Open <B>Applications</B> and the app this connection signs in with (a “SCIM Provisioner with SAML (SCIM v2 Enterprise)” app, or add one).
        </>,
        <>
          On <B>Configuration</B>: <B>SCIM Base URL</B> = {url}; <B>SCIM Bearer Token</B> = the token. In the <B>SCIM JSON Template</B>, map{" "}
          <code>userName</code> to the email, <code>name.givenName</code> to first name and <code>name.familyName</code> to last name. Save, then under{" "}
          <B>API Status</B> choose <B>Enable</B>.
        </>,
        <>
          On <B>Provisioning</B> tick <B>Enable provisioning</B>; choose what happens when a user is deleted or suspended (Delete or Suspend both remove them
          here). Leave group provisioning off. Save.
        </>,
      ],
    },
    {
      id: "generic",
      name: "Other IdPs (generic SCIM 2.0)",
      steps: [
        <>
          Base URL: {url}. Authentication: HTTP header <code>Authorization: Bearer &lt;token&gt;</code>. Requests and responses are{" "}
          <code>application/scim+json</code> (RFC 7644).
        </>,
        <>
          Send <code>userName</code> = the work email, <code>name.givenName</code>, <code>name.familyName</code>, <code>active</code>, and{" "}
          <code>externalId</code> = the IdP’s stable user id (the subject the person signs in with). Passwords are not accepted.
        </>,
        <>
          Deactivate with <code>PATCH</code> <code>active: false</code> or <code>DELETE</code>: the member is removed and their sessions end. Leave group push
          off; roles are set here.
        </>,
      ],
    },
  ];
}

/** The per-IdP setup notes, one collapsible section each (works without JavaScript). */
export function ScimSetupNotes({ baseUrl }: { baseUrl: string }) {
  return (
    <div className="space-y-2">
      {guides(baseUrl).map((guide) => (
        <details key={guide.id} className="rounded-md ring-1 ring-slate-200">
          <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-900">{guide.name}</summary>
          <ol className="list-decimal space-y-2 px-8 pb-3 text-sm text-slate-700">
            {guide.steps.map((step, i) => (
              <li key={i}>{step}</li>
            ))}
          </ol>
        </details>
      ))}
    </div>
  );
}
