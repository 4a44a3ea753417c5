// Shutdown as clients and supervisors see it, on a real process: SIGTERM turns `/ready` to 503 at
// once, closes idle keep-alive connections before a request can arrive on them, lets requests in
// flight finish with `Connection: close` (so no client reuses a connection about to close), and
// the process exits within its shutdown timeout even when its log reader has gone away and
// clients hold connections open.
import { Agent, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { connect, type Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { startServerProcess, until, type ServerProcess } from "./serverProcess.js";

const COUNTRIES = JSON.stringify({ query: "{ countries { code } }" });

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

describe("SIGTERM", () => {
  it("drains without losing a request: /ready 503, idle connections closed first, answers in flight say Connection: close, exit 0", async () => {
    const server = await startServerProcess({ SHUTDOWN_DELAY_MS: "2000", SHUTDOWN_TIMEOUT_MS: "20000" });

    // 16 kept-open connections, idle after one request each.
    const agent = new Agent({ keepAlive: true, maxSockets: 16 });
    const sockets = new Set<Socket>();
    const first = await Promise.all(
      Array.from({ length: 16 }, () => get(server, "/graphql?query={countries{code}}", agent, (s) => sockets.add(s))),
    );
    expect(first.map((a) => a.status)).toEqual(first.map(() => 200));
    expect(sockets.size).toBe(16);
    // "end" is the server's FIN; "close" is when the agent has let go of the connection too.
    const endedByServer = new Set<Socket>();
    const closed = new Set<Socket>();
    for (const socket of sockets) {
      socket.once("end", () => endedByServer.add(socket));
      socket.once("close", () => closed.add(socket));
    }

    // Requests the server has provably received (it answered `100 Continue`), waiting for their bodies.
    const held = await Promise.all(Array.from({ length: 2 }, () => heldRequest(server)));

    server.child.kill("SIGTERM");
    // The first /ready that is not 200 is a 503, answered while the listener still accepts.
    const ready = await until(async () => {
      const answer = await get(server, "/ready");
      return answer.status === 200 ? undefined : answer;
    });
    expect(ready.status).toBe(503);
    expect(ready.headers.connection).toBe("close");

    // Every idle connection is closed by the server, with no request sent on it.
    await until(() => closed.size === sockets.size);
    expect(endedByServer.size).toBe(sockets.size);

    // The agent's next requests open new connections: answered (and told to close) or refused, never reset.
    const after = await Promise.allSettled(Array.from({ length: 16 }, () => get(server, "/graphql?query={countries{code}}", agent)));
    for (const outcome of after) {
      if (outcome.status === "fulfilled") {
        expect(outcome.value.status).toBe(200);
        expect(outcome.value.headers.connection).toBe("close");
      } else {
        expect((outcome.reason as NodeJS.ErrnoException).code).toBe("ECONNREFUSED");
      }
    }

    const answers = await Promise.all(held.map((h) => h.finish()));
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.headers.connection).toBe("close");
      expect(JSON.parse(answer.body).data.countries.length).toBeGreaterThan(0);
    }
    expect(await server.exited).toEqual({ code: 0, signal: null });
    agent.destroy();
    expect(server.stray).toEqual([]);
  }, 90_000);

  it("exits within the shutdown timeout when its stdout is closed and clients hold connections open", async () => {
    const shutdownTimeoutMs = 3000;
    const server = await startServerProcess({ SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs) });
    // The log reader goes away: every later write to stdout fails with EPIPE.
    server.child.stdout!.destroy();
    for (let i = 0; i < 20; i++) expect((await get(server, "/graphql?query={countries{code}}")).status).toBe(200);
    // A request whose body never comes, and a client sending its headers a byte at a time.
    const stuck = await heldRequest(server);
    const slow = connect(server.port, "127.0.0.1");
    slow.on("error", () => undefined);
    slow.write("POST /graphql HTTP/1.1\r\nHost: x\r\n");
    const drip = setInterval(() => slow.writable && slow.write("X"), 200);

    const signalled = Date.now();
    server.child.kill("SIGTERM");
    const exit = await server.exited;
    const tookMs = Date.now() - signalled;
    clearInterval(drip);
    slow.destroy();
    stuck.abandon();
    // The contract is the timeout; the margin is for a loaded machine scheduling the process.
    expect(tookMs).toBeLessThan(shutdownTimeoutMs + 2000);
    expect(exit.signal).toBeNull();
  }, 90_000);
});

/** GETs `path`, optionally through `agent`, telling `onSocket` the connection used. */
function get(server: ServerProcess, path: string, agent?: Agent, onSocket?: (socket: Socket) => void): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.origin}${path}`, { agent: agent ?? false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on("error", reject);
    });
    req.on("socket", (socket) => onSocket?.(socket as Socket));
    req.on("error", reject);
    req.end();
  });
}

/** A POST whose headers are sent and acknowledged (`100 Continue`); `finish` sends the body and reads the answer. */
function heldRequest(server: ServerProcess): Promise<{ finish(): Promise<Answer>; abandon(): void }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(server.url, {
      method: "POST",
      agent: false,
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(COUNTRIES), expect: "100-continue" },
    });
    const answer = new Promise<Answer>((done, fail) => {
      req.on("error", (error) => {
        reject(error);
        fail(error);
      });
      req.on("response", (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on("error", fail);
      });
    });
    answer.catch(() => undefined);
    req.on("continue", () =>
      resolve({
        finish: () => {
          req.end(COUNTRIES);
          return answer;
        },
        abandon: () => req.destroy(),
      }),
    );
    req.flushHeaders();
  });
}
