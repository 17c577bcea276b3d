import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const main = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../bin/gatehouse.mjs");

export type CliRun = { code: number; stdout: string; stderr: string };

/** Runs `gatehouse <args>` as operators do: a separate process against DATABASE_URL. */
export function runCli(args: string[], databaseUrl: string): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [main, ...args], { env: { ...process.env, DATABASE_URL: databaseUrl } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}
