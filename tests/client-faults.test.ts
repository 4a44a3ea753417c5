// Clients that misbehave, against a spawned server over real sockets: a body over the limit gets a
// 413 that Node's fetch can read (the rest of the body is read and discarded before the connection
// closes), and clients that send slowly or keep a connection idle are cut at the configured timeouts.
import { connect, type Socket } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { startServerProcess, type ServerProcess } from "./serverProcess.js";

const TIMEOUTS = { HEADERS_TIMEOUT_MS: 1000, REQUEST_TIMEOUT_MS: 2000, KEEP_ALIVE_TIMEOUT_MS: 1000 };
/** Node checks the header and request timeouts on a timer: the service runs it every second. */
const CHECK_INTERVAL_MS = 1000;
/** Allowance for a loaded machine; the defaults Node would apply instead are 60 s, 300 s and 5 s checked every 30 s. */
const MARGIN_MS = 3000;

describe("a body over the limit (1 MiB)", () => {
  // Default timeouts here: sending 10 MB on a loaded machine can take longer than the short ones below.
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess();
  }, 60_000);

  it("gets a 413 that Node's fetch reads, every time, with Content-Length", async () => {
    const body = JSON.stringify({ query: "{ countries { code } }", variables: { pad: "x".repeat(10 * 2 ** 20) } });
    for (let i = 0; i < 5; i++) {
      const res = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body });
      expect(res.status).toBe(413);
      expect(res.headers.get("connection")).toBe("close");
      expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
    }
  });

  it("gets a 413 that Node's fetch reads when the body is streamed without a length", async () => {
    const chunk = new TextEncoder().encode("x".repeat(2 ** 20));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ === 0) controller.enqueue(new TextEncoder().encode('{"query": "{ countries { code } }", "variables": {"pad": "'));
        else if (sent < 10) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
  });
});

describe("slow clients", () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess(Object.fromEntries(Object.entries(TIMEOUTS).map(([k, v]) => [k, String(v)])));
  }, 60_000);

  it(`are cut after the headers timeout (${TIMEOUTS.HEADERS_TIMEOUT_MS} ms) when headers come a byte at a time`, async () => {
    const { tookMs, received } = await dripUntilClosed(server, "GET /graphql?query={countries{code}} HTTP/1.1\r\nHost: x\r\n", "X-Slow: 1");
    expect(tookMs).toBeLessThan(TIMEOUTS.HEADERS_TIMEOUT_MS + CHECK_INTERVAL_MS + MARGIN_MS);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
  });

  it(`are cut after the request timeout (${TIMEOUTS.REQUEST_TIMEOUT_MS} ms) when the body comes a byte at a time`, async () => {
    const head = "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n";
    const { tookMs, received } = await dripUntilClosed(server, head, "{".padEnd(999, " "));
    expect(tookMs).toBeLessThan(TIMEOUTS.REQUEST_TIMEOUT_MS + CHECK_INTERVAL_MS + MARGIN_MS);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
  });

  it(`lose an idle kept-open connection after the keep-alive timeout (${TIMEOUTS.KEEP_ALIVE_TIMEOUT_MS} ms), as the answer announced`, async () => {
    const socket = connect(server.port, "127.0.0.1");
    let received = "";
    socket.setEncoding("utf8").on("data", (chunk: string) => (received += chunk));
    const closed = new Promise<number>((resolve) => socket.once("close", () => resolve(Date.now())));
    socket.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
    await new Promise((resolve) => socket.once("data", resolve));
    const answered = Date.now();
    expect(received).toMatch(/^HTTP\/1\.1 200/);
    expect(received.toLowerCase()).toContain(`keep-alive: timeout=${TIMEOUTS.KEEP_ALIVE_TIMEOUT_MS / 1000}`);
    expect((await closed) - answered).toBeLessThan(TIMEOUTS.KEEP_ALIVE_TIMEOUT_MS + MARGIN_MS);
  });
});

/** Sends `head` at once, then `drip` one byte every 100 ms; resolves when the server closes the connection. */
function dripUntilClosed(server: ServerProcess, head: string, drip: string): Promise<{ tookMs: number; received: string }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket: Socket = connect(server.port, "127.0.0.1");
    let received = "";
    let next = 0;
    socket.setEncoding("utf8").on("data", (chunk: string) => (received += chunk));
    socket.on("error", () => undefined);
    socket.write(head);
    const timer = setInterval(() => {
      if (socket.writable && next < drip.length) socket.write(drip[next++]!);
    }, 100);
    socket.once("close", () => {
      clearInterval(timer);
      resolve({ tookMs: Date.now() - started, received });
    });
  });
}
