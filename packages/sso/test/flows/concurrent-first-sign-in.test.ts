import { describe, expect, it } from "vitest";
import { and, eq, inArray, memberships, ssoConnections, ssoIdentities, users } from "@gatehouse/db";
import { ensureMember, PROVIDERS } from "@gatehouse/core";
import { getConnection } from "../../src";
import { finishSignIn } from "../../src/flows/finish-sign-in";
import { makeTeam, useSsoStack } from "./harness";

// Two browsers (a double click, a reload during the redirect) finishing the first sign-in of the
// same new person through the same connection at once: both must sign in as the one user.

const stack = useSsoStack();
const request = { ip: "127.0.0.1", userAgent: "vitest" };
const signInFlow = { purpose: "sign_in" as const, actorUserId: null, testId: null, callbackUrl: "/", observations: null };
const ISSUER = "https://idp.concurrent.test";

async function connectionFor(tag: string, provisioningMode: "match" | "jit") {
  const team = await makeTeam(stack.ctx, tag);
  const [row] = await stack.ctx.db
    .insert(ssoConnections)
    .values({
      accountId: team.account.id,
      provider: "okta",
      name: "Okta",
      buttonText: "Sign in with Okta",
      enabled: true,
      verifiedAt: new Date(),
      issuer: ISSUER,
      provisioningMode,
      emailTrust: "trust",
      attributeMapping: PROVIDERS.okta.defaultMapping,
    })
    .returning();
  return { ...team, connection: (await getConnection(stack.ctx.db, team.account.id, row!.id))! };
}

/** Several rounds of two parallel first sign-ins, each round a new subject: the race shows up within a few. */
async function raceFirstSignIns(connection: Awaited<ReturnType<typeof connectionFor>>["connection"], emailOf: (round: number) => string) {
  const rounds = [];
  for (let round = 0; round < 8; round++) {
    const claims = { iss: ISSUER, sub: `subject-${round}`, email: emailOf(round), email_verified: true };
    rounds.push(await Promise.all([0, 1].map(() => finishSignIn(stack.ctx, { flow: signInFlow, connection, claims, request }))));
  }
  return rounds;
}

async function identitiesOf(connectionId: string, subject: string) {
  return stack.ctx.db
    .select({ userId: ssoIdentities.userId })
    .from(ssoIdentities)
    .where(and(eq(ssoIdentities.connectionId, connectionId), eq(ssoIdentities.subject, subject)));
}

describe("concurrent first SSO sign-ins of one person", () => {
  it("with JIT, both sign in as the one user they create, with one identity and one membership", async () => {
    const team = await connectionFor("race-jit", "jit");
    const rounds = await raceFirstSignIns(team.connection, (round) => `new-${round}@race-jit.test`);
    for (const [round, outcomes] of rounds.entries()) {
      expect(
        outcomes.map((o) => o.kind),
        `round ${round}: ${JSON.stringify(outcomes)}`,
      ).toEqual(["signed_in", "signed_in"]);
      const created = await stack.ctx.db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, `new-${round}@race-jit.test`));
      expect(created).toHaveLength(1);
      expect(await identitiesOf(team.connection.id, `subject-${round}`)).toEqual([{ userId: created[0]!.id }]);
      expect(await stack.ctx.db.select().from(memberships).where(eq(memberships.userId, created[0]!.id))).toHaveLength(1);
    }
  });

  it("with matching, both link the existing member once", async () => {
    const team = await connectionFor("race-match", "match");
    const members: { id: string; email: string }[] = [];
    for (let round = 0; round < 8; round++) {
      members.push(
        await ensureMember(stack.ctx.db, { accountId: team.account.id, email: `m-${round}@race-match.test`, name: "M", role: "member", password: null }),
      );
    }
    const rounds = await raceFirstSignIns(team.connection, (round) => members[round]!.email);
    for (const [round, outcomes] of rounds.entries()) {
      expect(
        outcomes.map((o) => o.kind),
        `round ${round}: ${JSON.stringify(outcomes)}`,
      ).toEqual(["signed_in", "signed_in"]);
      expect(await identitiesOf(team.connection.id, `subject-${round}`)).toEqual([{ userId: members[round]!.id }]);
    }
  });

  it("with JIT, one subject arriving under two emails at once: both sign in as the one user linked, and no stray user stays", async () => {
    const team = await connectionFor("race-two-emails", "jit");
    for (let round = 0; round < 8; round++) {
      const emails = [`first-${round}@race-two.test`, `second-${round}@race-two.test`];
      const outcomes = await Promise.all(
        emails.map((email) =>
          finishSignIn(stack.ctx, {
            flow: signInFlow,
            connection: team.connection,
            claims: { iss: ISSUER, sub: `two-${round}`, email, email_verified: true },
            request,
          }),
        ),
      );
      expect(
        outcomes.map((o) => o.kind),
        `round ${round}: ${JSON.stringify(outcomes)}`,
      ).toEqual(["signed_in", "signed_in"]);
      const created = await stack.ctx.db.select({ id: users.id }).from(users).where(inArray(users.email, emails));
      expect(created).toHaveLength(1);
      expect(await identitiesOf(team.connection.id, `two-${round}`)).toEqual([{ userId: created[0]!.id }]);
    }
  });
});
