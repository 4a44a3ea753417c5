// The "Error codes" table of docs/frontends.md lists every `extensions.code` the service can send, so a
// client developer can switch on them without reading the source. Adding a code without a row
// fails here: the table is the list to extend.
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ApolloServerErrorCode } from "@apollo/server/errors";
import { describe, expect, it } from "vitest";
import { LIMIT_CODES } from "../src/graphql/limits.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

// Apollo Server raises these for us (parse, validation, variables, unreadable requests).
// PERSISTED_QUERY_NOT_SUPPORTED is the exception: automatic persisted queries are on.
const APOLLO_CODES = Object.values(ApolloServerErrorCode).filter((code) => code !== ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED);

describe("README error codes", () => {
  it("lists every extensions.code the service raises, Apollo's included", async () => {
    const raised = new Set([...APOLLO_CODES, ...Object.values(LIMIT_CODES), ...(await codesInSource())]);
    const listed = await readmeCodes();
    expect(
      [...raised].filter((code) => !listed.has(code)).sort(),
      "add a row for each to the Error codes table of docs/frontends.md",
    ).toEqual([]);
  });
});

// Private: the codes our own code raises: `extensions: { code: "X_Y" }` in resolvers and src,
// and the HTTP layer's `new HttpError(status, "X_Y", …)`.
async function codesInSource(): Promise<string[]> {
  const codes: string[] = [];
  for (const dir of ["src"]) {
    const files = (await readdir(join(ROOT, dir), { recursive: true })).filter((f) => f.endsWith(".ts"));
    for (const file of files) {
      const text = await readFile(join(ROOT, dir, file), "utf8");
      for (const match of text.matchAll(/code: "([A-Z]+(?:_[A-Z]+)+)"|HttpError\(\s*\d+,\s*"([A-Z_]+)"/g))
        codes.push(match[1] ?? match[2]!);
    }
  }
  expect(codes.length, "the source scan found nothing: has the error-raising code moved?").toBeGreaterThan(3);
  return codes;
}

// Private: the codes in the first column of the "Error codes" table of docs/frontends.md (a row may group several).
async function readmeCodes(): Promise<Set<string>> {
  const readme = await readFile(join(ROOT, "docs", "frontends.md"), "utf8");
  const section = /^#+ Error codes\n([\s\S]*?)(?=^#+ |(?![\s\S]))/m.exec(readme)?.[1] ?? "";
  const firstCells = [...section.matchAll(/^\| ([^|]+)\|/gm)].map((m) => m[1]!);
  return new Set(firstCells.flatMap((cell) => [...cell.matchAll(/`([A-Z_]+)`/g)].map((m) => m[1]!)));
}
