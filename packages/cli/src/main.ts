import { buildProgram } from "./program";
import { CliError } from "./output";

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  const message = error instanceof CliError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  // Exit explicitly once the message is out: a loader may reset process.exitCode on the way out.
  process.stderr.write(`gatehouse: ${message}\n`, () => process.exit(1));
}
