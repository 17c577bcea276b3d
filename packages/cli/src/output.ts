/**
 * Results go to standard output (alone, so scripts can capture them); every message meant for
 * a person goes to standard error.
 */
export type Output = {
  json: boolean;
  /** A message for the person at the terminal (standard error). */
  info: (line: string) => void;
  /** The command's result: JSON with --json, otherwise the given text lines. */
  result: (data: unknown, text: string | string[]) => void;
};

export function createOutput(json: boolean, streams = { out: process.stdout, err: process.stderr }): Output {
  return {
    json,
    info: (line) => streams.err.write(`${line}\n`),
    result: (data, text) => {
      const body = json ? JSON.stringify(data, null, 2) : (Array.isArray(text) ? text : [text]).join("\n");
      if (body) streams.out.write(`${body}\n`);
    },
  };
}

/** An expected failure: printed as its message alone, exit code 1. */
export class CliError extends Error {}
