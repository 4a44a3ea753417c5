// The explorer, used the way a person uses it: a browser opens /graphql on a machine with no
// internet, runs the sample operation with the run button and reads the answer; the page never
// asks another host for anything. Plus its HTTP contract and the EXPLORER switch.
import { mkdtemp, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "../src/ops/config.js";
import { loadExamples } from "../src/http/explorer/examples.js";
import type { ExplorerPageConfig } from "../src/http/explorer/page.js";
import { startTestServer, type TestServer } from "./harness.js";

/** Debian's chromium; npm's browser downloads do not work here (.ci/run installs it). */
const CHROMIUM = "/usr/bin/chromium";
// CI must run the browser test; elsewhere a missing chromium skips it, loudly.
const requireChromium = Boolean(process.env.CI || process.env.REQUIRE_CHROMIUM);
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && !requireChromium) console.warn(`${CHROMIUM} is missing: skipping the browser test (apt-get install -y chromium)`);

let api: TestServer;
let origin: string;

beforeAll(async () => {
  api = await startTestServer();
  origin = new URL(api.url).origin;
});

/** GETs a path of the test server as a browser's address bar would. */
function browse(path: string, headers: Record<string, string> = {}) {
  return fetch(new URL(path, origin), { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8", ...headers } });
}

/** The JSON config the page hands to its script. */
function pageConfig(html: string): ExplorerPageConfig {
  const json = /<script id="explorer-config" type="application\/json">(.*?)<\/script>/s.exec(html)?.[1];
  return JSON.parse(json!) as ExplorerPageConfig;
}

describe("the explorer page over HTTP", () => {
  it("answers a browser at /graphql with GraphiQL, the endpoint preset and one tab per example", async () => {
    const res = await browse("/graphql");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const config = pageConfig(await res.text());
    expect(config.endpoint).toBe("/graphql");
    const examples = await loadExamples();
    expect(config.tabs.map((tab) => /query (\w+)/.exec(tab.query)![1])).toEqual(examples.map((e) => e.name));
    expect(JSON.parse(config.tabs[0]!.variables!)).toEqual(examples[0]!.variables);
  });

  it("tells the browser to load nothing from any other host", async () => {
    const csp = (await browse("/graphql")).headers.get("content-security-policy") ?? "";
    for (const directive of ["default-src 'self'", "script-src 'self'", "connect-src 'self'", "worker-src 'self'"])
      expect(csp).toContain(directive);
    expect(csp).not.toMatch(/https?:/);
  });

  it("serves every file the page links, from this host, with its content type", async () => {
    const html = await (await browse("/graphql")).text();
    const links = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]!).filter((link) => !link.startsWith("data:"));
    expect(links.length).toBeGreaterThan(2);
    for (const link of links) {
      expect(link.startsWith("/explorer/"), link).toBe(true);
      const res = await browse(link);
      expect(res.status, link).toBe(200);
      expect(res.headers.get("content-type"), link).toMatch(link.endsWith(".css") ? /^text\/css/ : /^text\/javascript/);
    }
  });

  it("leaves GraphQL to clients that do not ask for HTML", async () => {
    const res = await fetch(`${api.url}?query=${encodeURIComponent('{ country(code: "JP") { name } }')}`, {
      headers: { accept: "application/json" },
    });
    expect(await res.json()).toEqual({ data: { country: { name: "Japan" } } });
  });

  it.each([["/explorer/no-such-file.js"], ["/explorer/../package.json"], ["/explorer/%2e%2e/package.json"]])(
    "answers 404 NOT_FOUND for %s",
    async (path) => {
      const res = await browse(path);
      expect(res.status).toBe(404);
      expect((await res.json()).errors[0].extensions.code).toBe("NOT_FOUND");
    },
  );
});

describe("EXPLORER", () => {
  it("is on by default, off by default in production, and either way when set", () => {
    expect(readConfig({}).explorer).toBe(true);
    expect(readConfig({ NODE_ENV: "production" }).explorer).toBe(false);
    expect(readConfig({ NODE_ENV: "production", EXPLORER: "on" }).explorer).toBe(true);
    expect(readConfig({ EXPLORER: "off" }).explorer).toBe(false);
    expect(() => readConfig({ EXPLORER: "yes please" })).toThrow(ConfigError);
  });

  it.each([
    ["EXPLORER=off", { explorer: false }],
    ["production", { production: true }],
  ])("with %s, a browser at /graphql gets no page and no files", async (_name, config) => {
    const off = await startTestServer(undefined, config);
    const origin = new URL(off.url).origin;
    const page = await fetch(off.url, { headers: { accept: "text/html" } });
    expect(page.headers.get("content-type")).not.toMatch(/html/);
    expect((await fetch(`${origin}/explorer/app.js`)).status).toBe(404);
  });
});

describe.skipIf(!haveChromium && !requireChromium)("in headless Chromium with no internet", () => {
  let context: BrowserContext;
  let profile: string;
  const requests: string[] = [];
  // Requests the page's CSP blocked never reach the network, so they show only as console errors.
  const blocked: string[] = [];

  beforeAll(async () => {
    profile = await mkdtemp(join(tmpdir(), "explorer-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 860 },
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        // No internet: every host name but the server's fails to resolve.
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
      ],
    });
    context.on("request", (request) => void requests.push(request.url()));
  });

  afterAll(async () => {
    await context?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it("runs the sample operation with the run button, shows corpus data, and asks no other host", { timeout: 120_000 }, async () => {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on("console", (message) => {
      if (message.text().includes("Content Security Policy")) blocked.push(message.text());
    });
    await page.goto(api.url);

    // The editor has loaded (Monaco, from our bundle) with the first example in it.
    await page.locator(".graphiql-query-editor").getByText("query ArticlePage").waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: /^Execute query/ }).click();
    const answer = page.locator(".result-window");
    await answer.getByText("Sanae Takaichi").first().waitFor({ timeout: 30_000 });
    expect(await answer.textContent()).toContain('"kyodo-20251028-takaichi-trump-summit"');

    // The doc explorer reads the schema's own descriptions through introspection.
    await page.getByRole("button", { name: "Show Documentation Explorer" }).click();
    await page.locator(".graphiql-doc-explorer").getByText("Query", { exact: true }).click();
    await page.locator(".graphiql-doc-explorer").getByText("Where every read starts").waitFor();

    await page.screenshot({ path: process.env.UPDATE_SCREENSHOT ? "docs/explorer.png" : join(profile, "explorer.png") });

    const elsewhere = requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith("data:") && !url.startsWith("blob:"));
    expect(elsewhere).toEqual([]);
    expect(blocked).toEqual([]);
    // The page really ran through this server: its script, Monaco's workers, and the operation.
    expect(requests).toEqual(expect.arrayContaining([`${origin}/explorer/app.js`, `${origin}/explorer/graphql.worker.js`, api.url]));
  });
});
