// Cross-origin use, as a frontend on its own dev server meets it: a page on another origin calls
// the service with the headers fetch and Apollo Client send, in headless Chromium, which enforces
// CORS as users' browsers do. Plus the preflight's HTTP contract and the CORS_ORIGINS setting.
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CORS_ALLOWED_HEADERS } from "../src/http/cors.js";
import { ConfigError, readConfig } from "../src/ops/config.js";
import { onCleanup } from "./cleanup.js";
import { startTestServer, type TestServer } from "./harness.js";

/** Debian's chromium, as in explorer.test.ts. */
const CHROMIUM = "/usr/bin/chromium";
const requireChromium = Boolean(process.env.CI || process.env.REQUIRE_CHROMIUM);
const haveChromium = existsSync(CHROMIUM);

/** The headers Apollo Client 4 sends with a POST, beside fetch's own. */
const APOLLO_HEADERS = { "content-type": "application/json", "apollo-require-preflight": "true", "x-apollo-operation-name": "CountryName" };

let api: TestServer;
let frontend: { origin: string }; // allowed
let stranger: { origin: string }; // not allowed

/** Serves a blank page on 127.0.0.1 at a free port: the origin a frontend's dev server would be. */
async function pageServer(): Promise<{ origin: string }> {
  const server: Server = createServer((_req, res) =>
    res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>frontend</title>"),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  onCleanup(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

beforeAll(async () => {
  frontend = await pageServer();
  stranger = await pageServer();
  api = await startTestServer(undefined, { corsOrigins: [frontend.origin] });
});

/** Sends a preflight as a browser does before the POST above. */
function preflight(origin: string) {
  return fetch(api.url, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": Object.keys(APOLLO_HEADERS).join(",") },
  });
}

describe("the preflight", () => {
  it("answers an allowed origin 204 with the methods and every header Apollo Client sends", async () => {
    const res = await preflight(frontend.origin);
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(frontend.origin);
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
    const allowed = res.headers.get("access-control-allow-headers")!.split(/,\s*/);
    expect(allowed).toEqual(expect.arrayContaining(Object.keys(APOLLO_HEADERS)));
    expect(res.headers.get("vary")).toContain("Origin");
  });

  it("refuses any other origin with 403 CORS_ORIGIN_NOT_ALLOWED, naming the setting", async () => {
    const res = await preflight(stranger.origin);
    expect(res.status).toBe(403);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    const { errors } = await res.json();
    expect(errors[0].extensions.code).toBe("CORS_ORIGIN_NOT_ALLOWED");
    expect(errors[0].message).toContain("CORS_ORIGINS");
  });

  it("lets an allowed page read the answer and its request id", async () => {
    const res = await fetch(api.url, {
      method: "POST",
      headers: { origin: frontend.origin, ...APOLLO_HEADERS },
      body: JSON.stringify({ query: '{ country(code: "JP") { name } }' }),
    });
    expect(res.headers.get("access-control-allow-origin")).toBe(frontend.origin);
    expect(res.headers.get("access-control-expose-headers")).toContain("x-request-id");
  });
});

describe("CORS_ORIGINS", () => {
  it("allows local origins in development and none in production unless set", () => {
    expect(readConfig({}).corsOrigins).toEqual(["http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*"]);
    expect(readConfig({ NODE_ENV: "production" }).corsOrigins).toEqual([]);
    expect(readConfig({ NODE_ENV: "production", CORS_ORIGINS: "https://app.example.com, https://admin.example.com/" }).corsOrigins).toEqual(
      ["https://app.example.com", "https://admin.example.com"],
    );
    expect(readConfig({ CORS_ORIGINS: "" }).corsOrigins).toEqual([]);
  });

  it.each([["app.example.com"], ["https://app.example.com/graphql"], ["ftp://files.example.com"]])(
    "refuses %s with one message naming it",
    (entry) => {
      expect(() => readConfig({ CORS_ORIGINS: entry })).toThrow(ConfigError);
      expect(() => readConfig({ CORS_ORIGINS: entry })).toThrow(`CORS_ORIGINS: "${entry}" is not an origin`);
    },
  );

  it("allows any port of a host given as host:*", async () => {
    const local = await startTestServer(undefined, { corsOrigins: ["http://127.0.0.1:*"] });
    const res = await fetch(local.url, {
      method: "OPTIONS",
      headers: { origin: "http://127.0.0.1:5173", "access-control-request-method": "POST" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-headers")).toBe(CORS_ALLOWED_HEADERS.join(", "));
  });
});

describe.skipIf(!haveChromium && !requireChromium)("from a page on another origin, in headless Chromium", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu"] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens a page on `origin` and runs Apollo Client's POST from it twice (the second is a cache hit); returns what the page saw. */
  async function callFrom(origin: string) {
    const page = await browser.newPage();
    const console: string[] = [];
    page.on("console", (message) => void console.push(message.text()));
    await page.goto(origin);
    const outcome = await page.evaluate(
      async ({ url, headers }) => {
        const answers: unknown[] = [];
        try {
          for (let i = 0; i < 2; i++) {
            const res = await fetch(url, {
              method: "POST",
              headers,
              body: JSON.stringify({ query: 'query CountryName { country(code: "JP") { name } }' }),
            });
            answers.push({ status: res.status, body: await res.json(), requestId: res.headers.get("x-request-id") });
          }
          return { answers };
        } catch (error) {
          return { answers, error: String(error) };
        }
      },
      { url: api.url, headers: APOLLO_HEADERS },
    );
    await page.close();
    return { ...outcome, console };
  }

  it("answers an allowed origin's preflighted POSTs, cache hits included", async () => {
    const { answers, error } = await callFrom(frontend.origin);
    expect(error).toBeUndefined();
    expect(answers).toEqual([
      { status: 200, body: { data: { country: { name: "Japan" } } }, requestId: expect.any(String) },
      { status: 200, body: { data: { country: { name: "Japan" } } }, requestId: expect.any(String) },
    ]);
  });

  it("is blocked by the browser from any other origin", async () => {
    const { answers, error, console } = await callFrom(stranger.origin);
    expect(answers).toEqual([]);
    expect(error).toMatch(/TypeError: Failed to fetch/);
    expect(console.join("\n")).toMatch(/blocked by CORS policy/);
  });
});
