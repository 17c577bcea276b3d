import { findAccountBySlug } from "@gatehouse/core";
import type { Database } from "@gatehouse/db";
import { CliError } from "../output";

/** The account a command names by --account <slug>, or a clear error. */
export async function accountBySlug(db: Database, slug: string) {
  const account = await findAccountBySlug(db, slug);
  if (!account)
    throw new CliError(
      `No account with the slug ${slug}. List them in the console, or create one with: pnpm gatehouse accounts create --name <name> --slug <slug>`,
    );
  return account;
}
