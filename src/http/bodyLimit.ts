// Request bodies within a byte limit, and refusals a client can read. A body over the limit is
// refused with 413 before it is read whole; the answer is written at once, then the rest of the
// body is read and thrown away (up to a bound) before the connection closes. Closing while the
// client is still sending makes the kernel reset the connection, and a reset can discard the
// answer before the client reads it: Node's fetch then saw "fetch failed" instead of the 413.
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Most bytes of a refused body read and discarded so that the refusal reaches the client. A
 * larger body gets the answer and then a closed connection (the request timeout bounds a slow one).
 */
export const MAX_DISCARDED_BYTES = 64 * 2 ** 20;

/** A body over the limit: thrown by {@link readBody}, found from `Content-Length` or while reading. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than the limit of ${limit} bytes; send a smaller query or use variables.`);
    this.name = "BodyTooLargeError";
  }
}

/**
 * Given a request and a byte limit, resolves with its whole body, or rejects with
 * {@link BodyTooLargeError} as soon as its `Content-Length` or the bytes received pass the limit.
 * The request is left readable (not destroyed), so {@link answerUnreadBody} can still answer it.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLargeError(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off("data", onData).off("end", onEnd).off("error", onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        stop();
        req.pause(); // answerUnreadBody takes over reading
        reject(new BodyTooLargeError(limit));
      } else chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    req.on("data", onData).on("end", onEnd).on("error", onError);
  });
}

/**
 * Answers a request whose body was not read (refused before or while reading it) and closes the
 * connection without losing the answer: the answer is written whole at once, the rest of the body
 * is read and discarded, up to {@link MAX_DISCARDED_BYTES}, and the connection closes after it.
 */
export function answerUnreadBody(req: IncomingMessage, res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    connection: "close",
  });
  res.write(text);
  let ended = false;
  const end = () => {
    if (!ended) res.end();
    ended = true;
  };
  if (req.complete) {
    end();
    return;
  }
  let discarded = 0;
  req.on("data", (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > MAX_DISCARDED_BYTES) {
      end();
      req.socket.destroy();
    }
  });
  req.once("end", end);
  req.once("close", end);
  req.resume();
}
