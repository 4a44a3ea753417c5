// GraphQL over HTTP conformance: graphql-http's own audit suite against the started server,
// one test per audit. Every MUST and SHOULD audit must pass; so do the MAY audits we choose to meet.
import { serverAudits } from "graphql-http";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./harness.js";

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer();
});

describe("graphql-http server audits", () => {
  // The URL is resolved lazily: audits are listed before beforeAll has started the server.
  const audits = serverAudits({ url: () => api.url });
  it.each(audits.map((audit) => [audit.id, audit.name, audit] as const))("%s %s", async (_id, _name, audit) => {
    const result = await audit.fn();
    if (result.status !== "ok") {
      // Show what the server answered, not just that it failed.
      const response = "response" in result ? result.response : undefined;
      const body = response ? await response.text().catch(() => "") : "";
      expect.fail(`${result.reason}\nstatus ${response?.status}: ${body.slice(0, 500)}`);
    }
  });
});
