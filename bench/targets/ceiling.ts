// Target: the ceiling. A bare node:http server that answers each benchmark request with the exact
// bytes the service answered it with: what serving costs with no GraphQL work at all.
//   tsx bench/targets/ceiling.ts ANSWERS.json   (a JSON array of { request, response } strings)
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { announce } from "../target.js";

/** One recorded exchange: the request body and the service's response body, both as sent. */
export interface RecordedAnswer {
  request: string;
  response: string;
}

const answers = new Map<string, Buffer>(
  (JSON.parse(readFileSync(process.argv[2]!, "utf8")) as RecordedAnswer[]).map((a) => [a.request, Buffer.from(a.response)]),
);
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const body = answers.get(Buffer.concat(chunks).toString());
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": body.length }).end(body);
  });
});
server.listen(0, "127.0.0.1", () => announce((server.address() as AddressInfo).port));
