import { Option, type Command } from "commander";
import { issueApiKeyAsOperator, listApiKeys, revokeApiKey } from "@gatehouse/core";
import { CliError } from "../output";
import { accountBySlug } from "./account-by-slug";
import { withDatabase } from "./context";
import { OPERATOR } from "./core-context";

function parseExpiry(value: string | undefined): Date | null {
  if (value === undefined) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new CliError(`--expires ${value} is not a date. Use an ISO date like 2027-01-31 or 2027-01-31T12:00:00Z.`);
  return date;
}

export function registerApiKeyCommands(program: Command): void {
  const keys = program.command("api-keys").description("Account API keys for the public REST API (X-Api-Key)");

  keys
    .command("create")
    .description("Create an account API key; prints the key alone on standard output (it is not shown again)")
    .requiredOption("--account <slug>", "the account's slug")
    .requiredOption("--name <name>", "what the key is for, e.g. the script or service using it")
    .addOption(new Option("--scope <scope>", "read: GET only; write: changes too").choices(["read", "write"]).default("read"))
    .option("--expires <date>", "when the key stops working (ISO date); default: never")
    .action(
      withDatabase(async ({ database, out }, options: { account: string; name: string; scope: "read" | "write"; expires?: string }) => {
        const account = await accountBySlug(database.db, options.account);
        const issued = await issueApiKeyAsOperator(
          { db: database.db },
          { accountId: account.id, name: options.name, scope: options.scope, expiresAt: parseExpiry(options.expires), actor: OPERATOR },
        );
        if (!issued.ok) throw new CliError(issued.error);
        const key = issued.value;
        out.info(`Created ${key.scope} key "${key.name}" (${key.prefix}…) for ${account.name}. Store it now: it is not shown again.`);
        out.result(
          {
            id: key.id,
            token: key.token,
            prefix: key.prefix,
            name: key.name,
            scope: key.scope,
            account: account.slug,
            expiresAt: key.expiresAt?.toISOString() ?? null,
          },
          key.token,
        );
      }),
    );

  keys
    .command("list")
    .description("List an account's keys and personal access tokens (never the secrets)")
    .requiredOption("--account <slug>", "the account's slug")
    .action(
      withDatabase(async ({ database, out }, options: { account: string }) => {
        const account = await accountBySlug(database.db, options.account);
        const rows = await listApiKeys({ db: database.db }, { accountId: account.id });
        if (rows.length === 0)
          out.info(`${account.name} has no API keys yet. Create one with: pnpm gatehouse api-keys create --account ${account.slug} --name <name>`);
        out.result(
          rows,
          rows.map((k) =>
            [
              k.id,
              `${k.prefix}…`,
              k.name,
              k.kind === "personal" ? `personal (${k.userEmail})` : "account",
              k.scope,
              k.state,
              k.lastUsedAt?.toISOString() ?? "never used",
            ].join("\t"),
          ),
        );
      }),
    );

  keys
    .command("revoke <keyId>")
    .description("Revoke a key at once (requests with it get 401)")
    .requiredOption("--account <slug>", "the account's slug")
    .action(
      withDatabase(async ({ database, out }, keyId: string, options: { account: string }) => {
        const account = await accountBySlug(database.db, options.account);
        const revoked = await revokeApiKey({ db: database.db }, { accountId: account.id, keyId, actor: OPERATOR, asOperator: true });
        if (!revoked.ok) throw new CliError(`${revoked.error} List them with: pnpm gatehouse api-keys list --account ${account.slug}`);
        out.info(
          revoked.value.alreadyRevoked
            ? `Key ${revoked.value.prefix}… was already revoked.`
            : `Key ${revoked.value.prefix}… ("${revoked.value.name}") revoked.`,
        );
        out.result({ id: keyId, prefix: revoked.value.prefix, revoked: true }, keyId);
      }),
    );
}
