import { randomBytes } from "node:crypto";
import { expect, test } from "../support/fixtures";
import { accountKey, envelope, orgUrl, withKey } from "./api-support";

type Domain = { id: string; domain: string; status: string; autoJoin: string; txtRecord: { name: string; value: string } };

async function publishTxt(name: string, value: string) {
  const response = await fetch(`${process.env.IDP_SANDBOX_URL}/api/dns/records`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, value }),
  });
  expect(response.status).toBe(201);
}

test("domains: claim (TXT name and value), verify, auto-join, remove — with each error status", async ({ request, db, team }) => {
  const api = withKey(request, (await accountKey(db, team.accountId)).token);
  const domain = `api-${randomBytes(3).toString("hex")}.test`;
  const base = orgUrl(team.accountId, "/domains");

  const added = await envelope<Domain>(await api.post(base, { domain: domain.toUpperCase() }), 201, "CREATED");
  expect(added.data).toMatchObject({ domain, status: "pending", autoJoin: "off" });
  expect(added.data.txtRecord.name).toBe(`_gatehouse-challenge.${domain}`);
  expect(added.data.txtRecord.value).toMatch(/^gatehouse-verification=/);
  await envelope(await api.post(base, { domain }), 409, "DOMAIN_EXISTS");

  const invalid = await envelope<{ fields: Record<string, string> }>(await api.post(base, { domain: "" }), 422, "VALIDATION_FAILED");
  expect(invalid.data.fields.domain).toBe("Enter a domain, like acme.com.");
  await envelope(await api.post(base, { domain: "not a domain!" }), 422, "VALIDATION_FAILED");
  const malformed = await request.post(base, {
    headers: { "X-Api-Key": (await accountKey(db, team.accountId)).token, "content-type": "application/json" },
    data: Buffer.from("{not json"),
  });
  await envelope(malformed, 400, "INVALID_JSON");

  const domainUrl = `${base}/${added.data.id}`;
  // Joining needs a verified domain: a conflict with its state.
  await envelope(await api.put(domainUrl, { autoJoin: "join" }), 409, "DOMAIN_CHANGE_REFUSED");
  const notYet = await envelope<Domain>(await api.post(`${domainUrl}/verify`), 422, "DOMAIN_NOT_VERIFIED");
  expect(notYet.data.status).toBe("pending");

  await publishTxt(added.data.txtRecord.name, added.data.txtRecord.value);
  const verified = await envelope<Domain>(await api.post(`${domainUrl}/verify`), 200, "OK");
  expect(verified.data.status).toBe("verified");

  const joined = await envelope<Domain>(await api.put(domainUrl, { autoJoin: "join" }), 200);
  expect(joined.data.autoJoin).toBe("join");
  const badPolicy = await envelope<{ fields: Record<string, string> }>(await api.put(domainUrl, { autoJoin: "everyone" }), 422, "VALIDATION_FAILED");
  expect(badPolicy.data.fields.autoJoin).toBe("Choose off, join or request.");

  const listed = await envelope<Domain[]>(await api.get(base), 200);
  expect(listed.data.map((d) => d.domain)).toContain(domain);

  await envelope(await api.delete(domainUrl), 200);
  await envelope(await api.delete(domainUrl), 404, "NOT_FOUND");
  await envelope(await api.post(`${base}/00000000-0000-4000-8000-000000000000/verify`), 404, "NOT_FOUND");
});

test("Idempotency-Key: the same POST replays the stored answer; another body with the same key is refused", async ({ request, db, team }) => {
  const api = withKey(request, (await accountKey(db, team.accountId)).token);
  const base = orgUrl(team.accountId, "/domains");
  const domain = `idem-${randomBytes(3).toString("hex")}.test`;
  const key = { "Idempotency-Key": `idem-${domain}` };

  const first = await api.post(base, { domain }, key);
  const created = await envelope<Domain>(first, 201);
  const again = await api.post(base, { domain }, key);
  const replayed = await envelope<Domain>(again, 201);
  expect(again.headers()["idempotent-replayed"]).toBe("true");
  expect(replayed.data.id).toBe(created.data.id);

  await envelope(await api.post(base, { domain: `other-${domain}` }, key), 422, "IDEMPOTENCY_KEY_REUSED");
  // Without the key, the same request is a new one (and a conflict now).
  await envelope(await api.post(base, { domain }), 409, "DOMAIN_EXISTS");
});
