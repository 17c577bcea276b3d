import { Command } from "commander";
import { registerAccountsCommands } from "./commands/accounts";
import { registerEnforcementCommands } from "./commands/enforcement";
import { registerApiKeyCommands } from "./commands/api-keys";
import { registerMigrateCommand } from "./commands/migrate";
import { registerPasswordResetCommands } from "./commands/password-resets";
import { registerSsoCommands } from "./commands/sso";
import { registerStaffCommands } from "./commands/staff";

/** Every operator command; each registers itself from its own module under commands/. */
export function buildProgram(): Command {
  const program = new Command()
    .name("gatehouse")
    .description("Operator commands for a Gatehouse deployment, against its database (DATABASE_URL, or the embedded one)")
    .option("--json", "print results as JSON, for scripts")
    .showHelpAfterError()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });
  registerStaffCommands(program);
  registerMigrateCommand(program);
  registerAccountsCommands(program);
  registerSsoCommands(program);
  registerEnforcementCommands(program);
  registerPasswordResetCommands(program);
  registerApiKeyCommands(program);
  return program;
}
