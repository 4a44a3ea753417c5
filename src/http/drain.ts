// Connection draining for shutdown: a SIGTERM loses no request. From the moment draining begins,
// every answer (in flight or new) carries `Connection: close`, so no client sends another request
// on a connection about to close; connections with no request on them are closed at once, before
// one can arrive; the listener closes once the configured delay has let balancers see `/ready`
// answer 503; and whatever is still open at the deadline is closed.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { Server as NetServer } from "node:net";

/** Options of {@link ConnectionDrain}; the interface is the documentation. */
export interface DrainOptions {
  /**
   * How long the listener keeps accepting connections after draining begins (each answered with
   * `Connection: close`, `/ready` with 503), so a balancer polling `/ready` takes the instance
   * out before connections are refused. @default 0
   */
  acceptForMs?: number;
}

/** How a drain ended. */
export type DrainOutcome = "drained" | "forced";

/** Tracks a server's requests in flight and closes its connections without losing any of them. */
export class ConnectionDrain {
  private readonly inFlight = new Set<ServerResponse>();
  private draining = false;

  /** Watches `server`'s requests; construct it before the server's own request listener is added. */
  constructor(
    private readonly server: Server,
    private readonly options: DrainOptions = {},
  ) {
    server.prependListener("request", (_req: IncomingMessage, res: ServerResponse) => {
      if (this.draining) res.setHeader("connection", "close");
      this.inFlight.add(res);
      res.once("close", () => this.inFlight.delete(res));
    });
  }

  /** True once {@link ConnectionDrain.drain} has been called. */
  get isDraining(): boolean {
    return this.draining;
  }

  /**
   * Drains the server: answers in flight and to come say `Connection: close`, idle keep-alive
   * connections close now, the listener closes after `acceptForMs`, and the promise resolves once
   * every connection has closed ("drained") or, at `deadlineMs` from now, after closing the ones
   * left ("forced"). An answer whose headers were already sent promised keep-alive; its connection
   * closes once it is complete.
   */
  async drain(deadlineMs: number): Promise<DrainOutcome> {
    const deadline = Date.now() + deadlineMs;
    this.draining = true;
    for (const res of this.inFlight) {
      if (!res.headersSent) res.setHeader("connection", "close");
      else res.once("finish", () => res.socket?.end());
    }
    // Node's list of idle connections knows when a request has started arriving (its parser has
    // seen bytes), which a 'request' event comes too late to tell: those are left to finish.
    this.server.closeIdleConnections();
    const closed = new Promise<void>((resolve) => this.server.once("close", () => resolve()));
    await sleep(Math.min(this.options.acceptForMs ?? 0, deadlineMs));
    // Stop listening; "close" follows once the last connection has ended. Not http's close():
    // that also closes idle connections, and a connection accepted during the delay is idle
    // until its request arrives, which may already be on its way. Each will be answered with
    // `Connection: close`, and the deadline bounds one that never sends.
    NetServer.prototype.close.call(this.server);
    const remaining = deadline - Date.now();
    const outcome = await Promise.race([
      closed.then(() => "drained" as const),
      sleep(Math.max(0, remaining)).then(() => "forced" as const),
    ]);
    if (outcome === "forced") this.server.closeAllConnections();
    return outcome;
  }
}

// Private: resolves after `ms` milliseconds.
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
