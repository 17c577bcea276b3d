import { describe, expect, it } from "vitest";
import { and, auditEvents, eq, ssoConnections } from "@gatehouse/db";
import { addNextCertificate, refreshAllSamlMetadata, refreshSamlMetadata, removeCertificate } from "../../src";
import { DAY, makeCertificate, privateKeyPem, remoteIdp } from "../checks/helpers";
import { makeSamlConnection, useSsoStack } from "../flows/harness";
import { makeManualSamlConnection, reload, samlSignIn } from "./helpers";

const stack = useSsoStack();

const fingerprints = (certificates: Array<{ sha256Fingerprint: string }>) => certificates.map((c) => c.sha256Fingerprint);
const pemBody = (pem: string) => pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, "");

async function auditActions(connectionId: string, action: string) {
  return stack.ctx.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.targetId, connectionId), eq(auditEvents.action, action)));
}

describe("certificate rotation with a metadata URL", () => {
  it("picks up the next certificate, signs in with it once active, and lets the old one go", async () => {
    const setup = await makeSamlConnection(stack, "rot-url");
    const { app, member, actor, account } = setup;
    const [oldCertificate] = setup.connection.certificates;
    expect(setup.connection.certificates).toHaveLength(1);

    // Nothing published yet: nothing changes, nothing audited.
    expect(await refreshSamlMetadata(stack.ctx, setup.connection.id)).toMatchObject({ ok: true, value: { changed: false, added: [], removed: [] } });
    expect(await auditActions(setup.connection.id, "sso.connection.metadata_refreshed")).toHaveLength(0);

    // The IdP publishes its next key ahead of the switch.
    const next = stack.sandbox.samlApps.rotateKey(app.id);
    const refreshed = await refreshSamlMetadata(stack.ctx, setup.connection.id);
    expect(refreshed).toMatchObject({ ok: true, value: { changed: true, added: [next.fingerprintSha256], removed: [] } });
    let connection = await reload(stack, setup.connection);
    expect(fingerprints(connection.certificates)).toEqual([oldCertificate!.sha256Fingerprint, next.fingerprintSha256]);
    expect(connection.metadataXml).toContain(pemBody(next.certificatePem));
    expect(connection.verifiedAt).not.toBeNull();
    expect(connection.enabled).toBe(true);
    const [audit] = await auditActions(connection.id, "sso.connection.metadata_refreshed");
    expect(audit).toMatchObject({
      actorLabel: "scheduler",
      actorUserId: null,
      accountId: account.id,
      metadata: { added: [next.fingerprintSha256], removed: [] },
    });

    // Still signed by the old key: works, and the old certificate is the one verified.
    expect((await samlSignIn(stack, { connection, appId: app.id, email: member.email })).kind).toBe("signed_in");
    connection = await reload(stack, connection);
    expect(connection.certificates[0]!.lastVerifiedAt).not.toBeNull();
    expect(connection.certificates[1]!.lastVerifiedAt).toBeNull();

    // The IdP switches keys: a sign-in signed by the new key works and verifies the new certificate.
    stack.sandbox.samlApps.activateNextKey(app.id);
    expect((await samlSignIn(stack, { connection, appId: app.id, email: member.email })).kind).toBe("signed_in");
    connection = await reload(stack, connection);
    const newCertificate = connection.certificates.find((c) => c.sha256Fingerprint === next.fingerprintSha256)!;
    expect(newCertificate.lastVerifiedAt).not.toBeNull();

    // The admin removes the old certificate; sign-ins continue with the new one.
    const removed = await removeCertificate(stack.ctx, {
      accountId: account.id,
      connectionId: connection.id,
      sha256Fingerprint: oldCertificate!.sha256Fingerprint.toLowerCase(),
      actor,
    });
    expect(removed).toMatchObject({ ok: true, value: { certificate: { sha256Fingerprint: oldCertificate!.sha256Fingerprint } } });
    connection = await reload(stack, connection);
    expect(fingerprints(connection.certificates)).toEqual([next.fingerprintSha256]);
    expect(connection.metadataXml).not.toContain(pemBody(oldCertificate!.pem));
    expect(await auditActions(connection.id, "sso.connection.certificate_removed")).toHaveLength(1);
    expect((await samlSignIn(stack, { connection, appId: app.id, email: member.email })).kind).toBe("signed_in");

    // The last certificate stays.
    const last = await removeCertificate(stack.ctx, { accountId: account.id, connectionId: connection.id, sha256Fingerprint: next.fingerprintSha256, actor });
    expect(last).toEqual({ ok: false, error: "A connection needs at least one signing certificate." });

    // The IdP retires the old key: the sets now agree. A later rotation keeps the new certificate's last-verified time.
    const [current] = (await reload(stack, connection)).certificates;
    expect(current!.lastVerifiedAt).not.toBeNull();
    stack.sandbox.samlApps.retireOldKeys(app.id);
    expect(await refreshSamlMetadata(stack.ctx, connection.id)).toMatchObject({ ok: true, value: { changed: false } });
    const third = stack.sandbox.samlApps.rotateKey(app.id);
    expect(await refreshSamlMetadata(stack.ctx, connection.id)).toMatchObject({ ok: true, value: { changed: true, added: [third.fingerprintSha256] } });
    connection = await reload(stack, connection);
    expect(connection.certificates).toHaveLength(2);
    expect(connection.certificates[0]).toEqual(current);
  });

  it("keeps everything when the metadata cannot be fetched, and reports why", async () => {
    const setup = await makeSamlConnection(stack, "rot-down");
    stack.sandbox.samlApps.rotateKey(setup.app.id);
    const offline = { ...stack.ctx, fetchImpl: remoteIdp(async () => new Response("upstream down", { status: 503, statusText: "Service Unavailable" })) };
    const result = await refreshSamlMetadata(offline, setup.connection.id);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/503.*keeps its current certificates/);
    const after = await reload(stack, setup.connection);
    expect(after.certificates).toEqual(setup.connection.certificates);
    expect(after.metadataXml).toBe(setup.connection.metadataXml);
    expect(after.metadataRefreshedAt).toEqual(setup.connection.metadataRefreshedAt);
  });

  it("refreshes only connections whose metadata is older than asked, for a scheduler", async () => {
    const stale = await makeSamlConnection(stack, "rot-stale");
    const fresh = await makeSamlConnection(stack, "rot-fresh");
    const manual = await makeManualSamlConnection(stack, "rot-manual-skip");
    await stack.ctx.db
      .update(ssoConnections)
      .set({ metadataRefreshedAt: new Date(Date.now() - 3 * 60 * 60_000) })
      .where(eq(ssoConnections.id, stale.connection.id));
    const next = stack.sandbox.samlApps.rotateKey(stale.app.id);
    stack.sandbox.samlApps.rotateKey(fresh.app.id);

    const run = await refreshAllSamlMetadata(stack.ctx, { olderThanMinutes: 60 });
    const changed = run.changed.map((c) => c.connectionId);
    expect(changed).toContain(stale.connection.id);
    expect(changed).not.toContain(fresh.connection.id);
    expect(changed).not.toContain(manual.connection.id);
    expect(run.changed.find((c) => c.connectionId === stale.connection.id)?.added).toEqual([next.fingerprintSha256]);
    expect((await reload(stack, fresh.connection)).certificates).toHaveLength(1);
    expect((await reload(stack, stale.connection)).metadataRefreshedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);

    expect(await refreshSamlMetadata(stack.ctx, manual.connection.id)).toEqual({
      ok: false,
      error: "Only SAML connections that read their IdP metadata from a URL can be refreshed.",
    });
  });
});

describe("certificate rotation for a connection entered by hand", () => {
  it("accepts responses signed by either key once the next certificate is added", async () => {
    const setup = await makeManualSamlConnection(stack, "rot-hand");
    const { app, member, actor, account } = setup;
    const next = stack.sandbox.samlApps.rotateKey(app.id);

    const added = await addNextCertificate(stack.ctx, { accountId: account.id, connectionId: setup.connection.id, certificatePem: next.certificatePem, actor });
    expect(added).toMatchObject({ ok: true, value: { certificate: { sha256Fingerprint: next.fingerprintSha256, lastVerifiedAt: null } } });
    let connection = await reload(stack, setup.connection);
    expect(connection.certificates).toHaveLength(2);
    expect(connection.samlSource).toBe("manual");
    expect(connection.metadataXml).toContain(pemBody(app.certificatePem));
    expect(connection.metadataXml).toContain(pemBody(next.certificatePem));
    expect(connection.verifiedAt).not.toBeNull();
    expect(await auditActions(connection.id, "sso.connection.certificate_added")).toHaveLength(1);

    // Signed by the current key…
    expect((await samlSignIn(stack, { connection, appId: app.id, email: member.email })).kind).toBe("signed_in");
    // …and by the next one once the IdP switches.
    stack.sandbox.samlApps.activateNextKey(app.id);
    expect((await samlSignIn(stack, { connection, appId: app.id, email: member.email })).kind).toBe("signed_in");
    connection = await reload(stack, connection);
    expect(connection.certificates.map((c) => c.lastVerifiedAt !== null)).toEqual([true, true]);

    // Removing the old certificate leaves a connection that still works with the new key.
    const removed = await removeCertificate(stack.ctx, {
      accountId: account.id,
      connectionId: connection.id,
      sha256Fingerprint: connection.certificates[0]!.sha256Fingerprint,
      actor,
    });
    expect(removed.ok).toBe(true);
    connection = await reload(stack, connection);
    expect(fingerprints(connection.certificates)).toEqual([next.fingerprintSha256]);
    expect((await samlSignIn(stack, { connection, appId: app.id, email: member.email })).kind).toBe("signed_in");
  });

  it("refuses a response signed by a key the connection was never told about", async () => {
    const setup = await makeManualSamlConnection(stack, "rot-hand-missing");
    stack.sandbox.samlApps.rotateKey(setup.app.id);
    stack.sandbox.samlApps.activateNextKey(setup.app.id);
    const outcome = await samlSignIn(stack, { connection: setup.connection, appId: setup.app.id, email: setup.member.email });
    expect(outcome.kind).not.toBe("signed_in");
  });

  it("refuses what is not a usable next certificate, naming the field, and changes nothing", async () => {
    const setup = await makeManualSamlConnection(stack, "rot-refuse");
    const { account, actor, member } = setup;
    const expired = makeCertificate({ notBefore: new Date(Date.now() - 400 * DAY), notAfter: new Date(Date.now() - 2 * DAY) });
    const attempts: Array<[string, string, RegExp]> = [
      ["a private key", privateKeyPem, /^Next signing certificate: This file contains a private key/],
      ["an expired certificate", expired.pem, /^Next signing certificate: This certificate expired on/],
      ["not a certificate", "hello, I am not a certificate", /^Next signing certificate: This is not an X\.509 certificate/],
      ["the current certificate again", setup.app.certificatePem, /^Next signing certificate: this connection already trusts this certificate/],
    ];
    for (const [, certificatePem, message] of attempts) {
      const result = await addNextCertificate(stack.ctx, { accountId: account.id, connectionId: setup.connection.id, certificatePem, actor });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toMatch(message);
    }
    const memberActor = { userId: member.id, label: member.email, ip: null };
    const next = stack.sandbox.samlApps.rotateKey(setup.app.id);
    expect(
      await addNextCertificate(stack.ctx, {
        accountId: account.id,
        connectionId: setup.connection.id,
        certificatePem: next.certificatePem,
        actor: memberActor,
      }),
    ).toEqual({
      ok: false,
      error: "Only account admins can configure SSO.",
    });
    expect(await removeCertificate(stack.ctx, { accountId: account.id, connectionId: setup.connection.id, sha256Fingerprint: "00:11", actor })).toMatchObject({
      ok: false,
    });

    const after = await reload(stack, setup.connection);
    expect(after.certificates).toEqual(setup.connection.certificates);
    expect(after.metadataXml).toBe(setup.connection.metadataXml);
    expect(after.updatedAt).toEqual(setup.connection.updatedAt);
    expect(await auditActions(setup.connection.id, "sso.connection.certificate_added")).toHaveLength(0);
  });
});
