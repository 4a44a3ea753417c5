// Where the service's log lines go: standard output, written asynchronously and never at any cost.
// pino's own destination (sonic-boom) flushes synchronously on exit and retries a failed write in a
// loop, so a log reader that went away (EPIPE) kept a stopping process spinning forever; here a
// write error ends logging, a stalled reader drops lines past a bound, and exit never waits on it.
import { write as fsWrite } from "node:fs";

/** Most bytes of log lines queued while the reader is slow; later lines are dropped and counted. */
export const MAX_QUEUED_LOG_BYTES = 8 * 2 ** 20;

/** A pino destination over a file descriptor that can fail, stall or close without holding the process. */
export class LogDestination {
  private queue: string[] = [];
  private queuedBytes = 0;
  private writing = false;
  private broken: NodeJS.ErrnoException | undefined;
  private idle: (() => void)[] = [];
  /** Lines dropped because the queue was full or the descriptor had failed. */
  dropped = 0;

  /** Writes to descriptor `fd` (1, standard output, by default). */
  constructor(private readonly fd = 1) {}

  /** Queues one line (pino calls this); never throws, never blocks. */
  write(line: string): boolean {
    const bytes = Buffer.byteLength(line);
    if (this.broken || this.queuedBytes + bytes > MAX_QUEUED_LOG_BYTES) {
      this.dropped++;
      return false;
    }
    this.queue.push(line);
    this.queuedBytes += bytes;
    if (!this.writing) this.next();
    return true;
  }

  /** The error that ended logging (EPIPE when the reader went away), if one did. */
  get failure(): NodeJS.ErrnoException | undefined {
    return this.broken;
  }

  /** Resolves once every queued line is written, logging has failed, or `timeoutMs` has passed. */
  flush(timeoutMs: number): Promise<void> {
    if (!this.writing) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.idle.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  // Private: writes what is queued, one write at a time, in order.
  private next(): void {
    if (this.queue.length === 0 || this.broken) {
      this.writing = false;
      for (const done of this.idle.splice(0)) done();
      return;
    }
    this.writing = true;
    const chunk = Buffer.from(this.queue.join(""));
    this.queue = [];
    this.queuedBytes = 0;
    this.send(chunk);
  }

  // Private: writes `chunk` whole, retrying a would-block after a pause, giving up on any other error.
  private send(chunk: Buffer): void {
    fsWrite(this.fd, chunk, (error, written) => {
      if (error?.code === "EAGAIN") {
        setTimeout(() => this.send(chunk), 20).unref();
        return;
      }
      if (error) {
        this.broken = error;
        this.dropped += this.queue.length;
        this.queue = [];
        this.queuedBytes = 0;
      } else if (written < chunk.length) {
        this.send(chunk.subarray(written));
        return;
      }
      this.next();
    });
  }
}
