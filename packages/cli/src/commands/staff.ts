import type { Command } from "commander";
import { listStaff, setStaff } from "@gatehouse/core";
import { CliError } from "../output";
import { withDatabase } from "./context";

export function registerStaffCommands(program: Command): void {
  const staff = program.command("staff").description("Our own support staff: who may open /support (they must also set up MFA)");

  for (const [name, isStaff] of [
    ["add", true],
    ["remove", false],
  ] as const) {
    staff
      .command(`${name} <email>`)
      .description(isStaff ? "Make an existing user staff" : "Withdraw a user's staff flag")
      .action(
        withDatabase(async ({ database, out }, email: string) => {
          const result = await setStaff(database.db, email, isStaff);
          if (!result.ok) throw new CliError(`No user with the email ${email}. They must have a login first (sign up or be invited).`);
          const { changed, ...user } = result.value;
          out.info(
            changed
              ? `${user.email} is ${isStaff ? "now" : "no longer"} staff.`
              : `${user.email} ${isStaff ? "was already" : "was not"} staff; nothing changed.`,
          );
          out.result({ ...user, isStaff, changed }, user.email);
        }),
      );
  }

  staff
    .command("list")
    .description("List staff users")
    .action(
      withDatabase(async ({ database, out }) => {
        const members = await listStaff(database.db);
        if (members.length === 0) out.info("No staff yet. Add one with: pnpm gatehouse staff add <email>");
        out.result(
          members,
          members.map((m) => `${m.email}\t${m.name}`),
        );
      }),
    );
}
