import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, ssoConnections } from "@gatehouse/db";
import { getConnection, refreshAllSamlMetadata, saveConnection } from "../../src";
import { baseSettings, makeSamlConnection, makeTeam, useSsoStack } from "../flows/harness";
import { startCountingServer, type CountingServer } from "./helpers";

/**
 * The wizard's metadata URL and the scheduled re-read of it run with the deployment's guarded
 * fetch (here the test policy: loopback allowed, as for the sandbox; nothing else inside).
 */
const stack = useSsoStack();
let internal: CountingServer;
let relay: CountingServer;

beforeAll(async () => {
  internal = await startCountingServer();
  relay = await startCountingServer({
    "/moved": (_req, res) => {
      res.writeHead(302, { location: `https://0.0.0.0:${internal.port}/metadata` });
      res.end();
    },
  });
});

afterAll(async () => {
  await internal.close();
  await relay.close();
});

describe("metadata URLs through the deployment's guarded fetch", () => {
  it("the scheduled refresh refuses a metadata URL that now points inside the network", async () => {
    const direct = await makeSamlConnection(stack, "ssrf-refresh-direct");
    const moved = await makeSamlConnection(stack, "ssrf-refresh-moved");
    await stack.ctx.db
      .update(ssoConnections)
      .set({ metadataUrl: `https://169.254.169.254:${internal.port}/metadata`, metadataRefreshedAt: null })
      .where(eq(ssoConnections.id, direct.connection.id));
    await stack.ctx.db
      .update(ssoConnections)
      .set({ metadataUrl: `${relay.origin}/moved`, metadataRefreshedAt: null })
      .where(eq(ssoConnections.id, moved.connection.id));
    const before = internal.connections();

    const run = await refreshAllSamlMetadata(stack.ctx, { olderThanMinutes: 60 });

    const failed = Object.fromEntries(run.failed.map((f) => [f.connectionId, f.error]));
    expect(failed[direct.connection.id]).toMatch(
      /^The address of 169\.254\.169\.254 is a reserved or link-local network address, which Gatehouse does not contact\./,
    );
    expect(failed[moved.connection.id]).toMatch(/^The address of 0\.0\.0\.0 is a reserved or link-local network address, which Gatehouse does not contact\./);
    expect(internal.connections()).toBe(before);
    const kept = await getConnection(stack.ctx.db, direct.account.id, direct.connection.id);
    expect(kept?.certificates).toEqual(direct.connection.certificates);
  });

  it("the wizard refuses a metadata URL inside the network before connecting", async () => {
    const team = await makeTeam(stack.ctx, "ssrf-wizard");
    const before = internal.connections();
    const saved = await saveConnection(stack.ctx, {
      accountId: team.account.id,
      actor: team.actor,
      data: {
        ...baseSettings("saml"),
        provider: "saml",
        samlSource: "metadata_url",
        metadataUrl: `https://[::ffff:10.0.0.7]:${internal.port}/metadata`,
        provisioningMode: "match",
        clockSkewSeconds: 120,
        idpInitiatedEnabled: false,
      },
    });
    expect(saved.ok).toBe(false);
    expect(JSON.stringify(saved)).toMatch(/The address of \S+ is a private network address, which Gatehouse does not contact/);
    expect(internal.connections()).toBe(before);
  });
});
