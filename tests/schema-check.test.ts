// The schema check a platform team runs before deploying: the code's SDL has no breaking change
// against schema/baseline.graphql (the contract as last released) that nobody acknowledged, and
// the check tells breaking changes (GraphQL's and federation's) from safe ones.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASELINE_BANNER, BASELINE_FILE, formatChange, schemaCheckCommand } from "../scripts/schema-check.js";
import { buildNewsSchema, printNewsSchema } from "../src/graphql/federation.js";
import { checkSchema, type ChangeLevel } from "../tools/schema/schemaCheck.js";

let currentSdl: string;
let scratch: string;
beforeAll(async () => {
  currentSdl = printNewsSchema(await buildNewsSchema());
  scratch = await mkdtemp(join(tmpdir(), "schema-check-test-"));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe("the news subgraph against schema/baseline.graphql", () => {
  it("has no breaking change that was not acknowledged (`npm run schema:check` says what and how)", async () => {
    const changes = await checkSchema(await readFile(BASELINE_FILE, "utf8"), currentSdl);
    expect(changes.filter((c) => c.level === "BREAKING").map(formatChange)).toEqual([]);
  });
});

/** A subgraph SDL: the federation link, a root field, and the given types. */
const sdl = (types: string) => `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@tag", "@inaccessible"])
  type Query { article(id: ID!): Article @tag(name: "public") }
  ${types}`;

const ARTICLE = `type Article @key(fields: "id") @key(fields: "url") { id: ID! @tag(name: "public") url: String! @tag(name: "public") headline: String @tag(name: "public") old: String @deprecated(reason: "Use headline.") }
  type Money @shareable { amount: Float! }`;

describe("how changes are judged", () => {
  it.each<[string, string, string, ChangeLevel]>([
    ["removing a field", ARTICLE.replace(' headline: String @tag(name: "public")', ""), "Article.headline", "BREAKING"],
    [
      "removing a field the baseline deprecated",
      ARTICLE.replace(' old: String @deprecated(reason: "Use headline.")', ""),
      "Article.old",
      "DANGEROUS",
    ],
    ["adding a field", ARTICLE.replace("url: String!", "byline: String url: String!"), "Article.byline", "NON_BREAKING"],
    ["making a field nullable", ARTICLE.replace("url: String!", "url: String"), "Article.url", "BREAKING"],
    ["making a field non-null", ARTICLE.replace("headline: String", "headline: String!"), "Article.headline", "NON_BREAKING"],
    [
      "adding a required argument",
      ARTICLE.replace("headline: String", "headline(style: String!): String"),
      "Article.headline.style",
      "BREAKING",
    ],
    ["removing an entity key", ARTICLE.replace(' @key(fields: "url")', ""), "Article", "BREAKING"],
    ["changing an entity key", ARTICLE.replace('@key(fields: "url")', '@key(fields: "headline")'), "Article", "BREAKING"],
    [
      "adding an entity key",
      ARTICLE.replace('@key(fields: "url")', '@key(fields: "url") @key(fields: "headline")'),
      "Article",
      "NON_BREAKING",
    ],
    [
      "taking a field out of the public contract",
      ARTICLE.replace('headline: String @tag(name: "public")', "headline: String"),
      "Article.headline",
      "BREAKING",
    ],
    [
      "making a field @inaccessible",
      ARTICLE.replace('headline: String @tag(name: "public")', "headline: String @inaccessible"),
      "Article.headline",
      "BREAKING",
    ],
    ["making a value type no longer @shareable", ARTICLE.replace("type Money @shareable", "type Money"), "Money", "BREAKING"],
  ])("%s", async (_, changed, path, level) => {
    const changes = await checkSchema(sdl(ARTICLE), sdl(changed));
    expect(changes.filter((c) => c.path === path).map((c) => c.level)).toContain(level);
    // Nothing else is judged worse than the change itself.
    const order: ChangeLevel[] = ["NON_BREAKING", "DANGEROUS", "BREAKING"];
    for (const change of changes) expect(order.indexOf(change.level), formatChange(change)).toBeLessThanOrEqual(order.indexOf(level));
  });

  it("finds no change between a schema and itself", async () => {
    expect(await checkSchema(sdl(ARTICLE), sdl(ARTICLE))).toEqual([]);
  });

  it("leaves description changes out: they never break anyone", async () => {
    const described = ARTICLE.replace("headline: String", '"The headline." headline: String');
    expect(await checkSchema(sdl(ARTICLE), sdl(described))).toEqual([]);
  });
});

describe("npm run schema:check", () => {
  /** Collects a command's output lines. */
  function capture() {
    const lines = { out: [] as string[], err: [] as string[] };
    return { lines, output: { out: (l: string) => void lines.out.push(l), err: (l: string) => void lines.err.push(l) } };
  }

  it("fails on a breaking change until it is acknowledged with --accept, which rewrites the baseline", async () => {
    const baseline = join(scratch, "baseline.graphql");
    await writeFile(baseline, BASELINE_BANNER + sdl(ARTICLE));
    const current = sdl(ARTICLE.replace(' headline: String @tag(name: "public")', ""));

    const first = capture();
    expect(await schemaCheckCommand(baseline, current, {}, first.output)).toBe(1);
    expect(first.lines.err.join("\n")).toContain("Field 'headline' was removed from object type 'Article'");
    expect(first.lines.err.join("\n")).toContain("npm run schema:check -- --accept");

    const accept = capture();
    expect(await schemaCheckCommand(baseline, current, { accept: true }, accept.output)).toBe(0);
    expect(accept.lines.out.at(-1)).toMatch(/acknowledging 1 breaking change; commit it\.$/);
    expect(await readFile(baseline, "utf8")).toBe(`${BASELINE_BANNER + current.trimEnd()}\n`);

    const after = capture();
    expect(await schemaCheckCommand(baseline, current, {}, after.output)).toBe(0);
    expect(after.lines.out).toEqual(["No changes against the baseline."]);
  });

  it("passes non-breaking changes without touching the baseline", async () => {
    const baseline = join(scratch, "additive.graphql");
    await writeFile(baseline, BASELINE_BANNER + sdl(ARTICLE));
    const { lines, output } = capture();
    expect(await schemaCheckCommand(baseline, sdl(ARTICLE.replace("url: String!", "byline: String url: String!")), {}, output)).toBe(0);
    expect(lines.err).toEqual([]);
    expect(lines.out.at(-1)).toBe("1 change against the baseline, none breaking.");
    expect(await readFile(baseline, "utf8")).toBe(BASELINE_BANNER + sdl(ARTICLE));
  });
});
