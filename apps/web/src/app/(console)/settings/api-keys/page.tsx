import type { Metadata } from "next";
import { listApiKeys } from "@gatehouse/core";
import { Card, CardHeader } from "@gatehouse/ui";
import { isAdminSession, requireAccount } from "@/auth/session";
import { coreContext } from "@/server/context";
import { FlashBanner } from "../../_components/flash-banner";
import { CreateKeyForm } from "./_components/create-key-form";
import { KeysTable } from "./_components/keys-table";

export const metadata: Metadata = { title: "API keys" };

type Params = Promise<{ flash?: string }>;

export default async function ApiKeysPage({ searchParams }: { searchParams: Params }) {
  const session = await requireAccount();
  const isAdmin = isAdminSession(session);
  const accountId = session.activeAccount.id;
  const [accountKeys, personalTokens] = await Promise.all([
    isAdmin ? listApiKeys(coreContext(), { accountId, kind: "account" }) : Promise.resolve([]),
    listApiKeys(coreContext(), { accountId, kind: "personal", userId: isAdmin ? undefined : session.user.id }),
  ]);
  const ownTokens = personalTokens.filter((t) => t.userId === session.user.id);
  const othersTokens = personalTokens.filter((t) => t.userId !== session.user.id);
  const { flash } = await searchParams;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">API keys</h1>
        <p className="mt-1 text-sm text-slate-600">
          For scripts and services using the{" "}
          <a className="underline" href="/docs/api">
            REST API
          </a>
          : send a key as the X-Api-Key header. Read-only keys can only read.
        </p>
      </div>
      <FlashBanner id={flash} />
      {isAdmin ? (
        <Card>
          <CardHeader
            title="Account API keys"
            description={`Act for ${session.activeAccount.name} with an admin's authority, whoever created them. Use them for automation that is not one person's.`}
          />
          <CreateKeyForm kind="account" submitLabel="Create key" />
          <KeysTable keys={accountKeys} caption="Account API keys" />
        </Card>
      ) : null}
      <Card>
        <CardHeader
          title="Your personal access tokens"
          description={`Act as you, with your role in ${session.activeAccount.name}, and stop working if you leave it. Where the account requires SSO of you, only tokens created after signing in through its SSO work.`}
        />
        <CreateKeyForm kind="personal" submitLabel="Create token" />
        <KeysTable keys={ownTokens} caption="Your personal access tokens" />
      </Card>
      {isAdmin ? (
        <Card>
          <CardHeader
            title="Members' personal access tokens"
            description="Tokens other members created in this account. Revoke one that leaked or is no longer needed."
          />
          <KeysTable keys={othersTokens} caption="Members' personal access tokens" showOwner />
        </Card>
      ) : null}
    </div>
  );
}
