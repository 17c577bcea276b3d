import type { Command } from "commander";
import { openDatabase, type OpenDatabase } from "../database";
import { createOutput, type Output } from "../output";

export type CommandRun<A extends unknown[]> = (io: { database: OpenDatabase; out: Output }, ...args: A) => Promise<void>;

/**
 * Wraps a command's action: opens the database, hands it the output (honouring the global
 * --json), and always closes the database, also on failure.
 */
export function withDatabase<A extends unknown[]>(run: CommandRun<A>) {
  return async function action(this: Command, ...args: A): Promise<void> {
    const out = createOutput(Boolean(this.optsWithGlobals().json));
    const database = await openDatabase(out.info);
    try {
      await run({ database, out }, ...args);
    } finally {
      await database.close();
    }
  };
}
