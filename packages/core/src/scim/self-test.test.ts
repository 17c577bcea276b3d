import { afterEach, describe, expect, it } from "vitest";
import { startFakeScimServer, type FakeScimFaults } from "../../test/fake-scim-server";
import { runScimConformanceSteps, scimErrorOf, selfTestUserName } from "./self-test";

const TOKEN = "gh_scim_test-token";
let stop: (() => Promise<void>) | null = null;
afterEach(async () => {
  await stop?.();
  stop = null;
});

async function run(faults: FakeScimFaults = {}, token = TOKEN) {
  const server = await startFakeScimServer({ faults, authorise: (t) => t === TOKEN });
  stop = server.stop;
  const steps = await runScimConformanceSteps({ baseUrl: `${server.url}/scim/v2/dir-1`, token, userName: selfTestUserName() });
  return { server, steps, summary: steps.map((s) => `${s.id}:${s.status}`) };
}

describe("SCIM self-test steps against a fake RFC 7644 server", () => {
  it("passes every step against a conforming server and leaves no user behind", async () => {
    const { server, summary, steps } = await run();
    expect(summary).toEqual(["config:pass", "create:pass", "filter:pass", "patch:pass", "deactivate:pass", "delete:pass"]);
    expect(steps.map((s) => s.httpStatus)).toEqual([200, 201, 200, 200, 200, 204]);
    expect(server.users.size).toBe(0);
  });

  it("accepts 204 from PATCH and reads the user back", async () => {
    const { summary, server } = await run({ patchNoContent: true });
    expect(summary).toEqual(["config:pass", "create:pass", "filter:pass", "patch:pass", "deactivate:pass", "delete:pass"]);
    expect(server.requests.filter((r) => r.startsWith("GET /Users/"))).toHaveLength(3);
  });

  it.each<[string, FakeScimFaults | null, string[], RegExp]>([
    [
      "a wrong token",
      null,
      ["config:fail", "create:fail", "filter:skipped", "patch:skipped", "deactivate:skipped", "delete:skipped"],
      /Expected HTTP 200, got 401/,
    ],
    [
      "a refused create",
      { refuseCreate: true },
      ["config:pass", "create:fail", "filter:skipped", "patch:skipped", "deactivate:skipped", "delete:skipped"],
      /Expected HTTP 201, got 409/,
    ],
    [
      "a PATCH that changes nothing",
      { ignorePatch: true },
      ["config:pass", "create:pass", "filter:pass", "patch:fail", "deactivate:fail", "delete:pass"],
      /givenName did not change/,
    ],
    [
      "plain JSON responses",
      { plainJson: true },
      ["config:fail", "create:fail", "filter:skipped", "patch:skipped", "deactivate:skipped", "delete:skipped"],
      /not application\/scim\+json/,
    ],
    [
      "a DELETE that keeps the user",
      { keepDeleted: true },
      ["config:pass", "create:pass", "filter:pass", "patch:pass", "deactivate:pass", "delete:fail"],
      /still answers HTTP 200/,
    ],
  ])("reports %s", async (_name, faults, expected, firstProblem) => {
    const { summary, steps } = await run(faults ?? {}, faults ? TOKEN : "gh_scim_wrong");
    expect(summary).toEqual(expected);
    expect(steps.find((s) => s.status === "fail")?.detail).toMatch(firstProblem);
  });

  it("shows the SCIM error the endpoint sent", async () => {
    const { steps } = await run({ refuseCreate: true });
    expect(steps.find((s) => s.id === "create")?.scimError).toBe("uniqueness: userName is taken.");
  });

  it("reports an endpoint that cannot be reached", async () => {
    const steps = await runScimConformanceSteps({ baseUrl: "http://127.0.0.1:9/scim/v2/x", token: TOKEN, userName: selfTestUserName() });
    expect(steps[0]).toMatchObject({ id: "config", status: "fail", httpStatus: null, detail: expect.stringMatching(/did not complete/) });
    expect(steps.slice(2).every((s) => s.status === "skipped")).toBe(true);
  });
});

describe("scimErrorOf", () => {
  it.each([
    [{ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], scimType: "invalidFilter", detail: "bad" }, "invalidFilter: bad"],
    [{ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], detail: "Not found" }, "Not found"],
    [{ id: "x" }, null],
    ["text", null],
  ])("%j → %s", (body, expected) => expect(scimErrorOf(body)).toBe(expected));
});
