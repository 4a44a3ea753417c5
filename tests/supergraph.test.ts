// The supergraph file a platform team loads: supergraph.graphql is exactly what composition of
// the two subgraphs gives, composition failures are reported as composition words them, and the
// public contract variant carries everything but the licensed article body.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Kind, parse, type ConstDirectiveNode, type DocumentNode, type ObjectTypeDefinitionNode } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readerTypeDefs } from "../examples/reader/server.js";
import { composeSupergraph, type SubgraphDefinition } from "../tools/gateway/compose.js";
import { SUPERGRAPH_FILE, shippedSubgraphs } from "../tools/gateway/subgraphs.js";
import { supergraphCommand } from "../scripts/supergraph.js";

let subgraphs: SubgraphDefinition[];
let scratch: string;
beforeAll(async () => {
  subgraphs = await shippedSubgraphs();
  scratch = await mkdtemp(join(tmpdir(), "supergraph-test-"));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** Collects a command's output lines. */
function capture() {
  const lines = { out: [] as string[], err: [] as string[] };
  return { lines, output: { out: (l: string) => void lines.out.push(l), err: (l: string) => void lines.err.push(l) } };
}

describe("supergraph.graphql", () => {
  it("is exactly what `npm run supergraph` composes from the code (run it and commit the result)", async () => {
    const { lines, output } = capture();
    const code = await supergraphCommand(subgraphs, SUPERGRAPH_FILE, { check: true }, output);
    expect(lines.err).toEqual([]);
    expect(code).toBe(0);
  });

  it("does not depend on the order the subgraphs are listed in", () => {
    expect(composeSupergraph([...subgraphs].reverse()).supergraphSdl).toBe(composeSupergraph(subgraphs).supergraphSdl);
  });

  it("composes without hints", () => {
    expect(composeSupergraph(subgraphs).hints).toEqual([]);
  });
});

describe("composition errors", () => {
  it("print as composition's own messages, exit 1 and write nothing", async () => {
    // The reader team resolves Article.headline too, without declaring it @external or shareable.
    const reader = subgraphs.find((s) => s.name === "reader")!;
    const broken = { ...reader, typeDefs: withArticleField(readerTypeDefs(), "headline: String") };
    const file = join(scratch, "broken.graphql");
    const { lines, output } = capture();

    const code = await supergraphCommand([subgraphs.find((s) => s.name === "news")!, broken], file, {}, output);

    expect(code).toBe(1);
    expect(lines.err.join("\n")).toMatch(
      /^Composition failed with 1 error:\n {2}\[INVALID_FIELD_SHARING\] Non-shareable field "Article\.headline" is resolved from multiple subgraphs/,
    );
    await expect(readFile(file, "utf8")).rejects.toThrow(/ENOENT/);
  });

  it("writes the file when composition succeeds", async () => {
    const file = join(scratch, "ok.graphql");
    const { output } = capture();
    expect(await supergraphCommand(subgraphs, file, {}, output)).toBe(0);
    expect(await readFile(file, "utf8")).toBe(await readFile(SUPERGRAPH_FILE, "utf8"));
  });
});

describe('the public contract (include tag "public")', () => {
  // A new field fails this until tagged: `@Directive(PUBLIC)` from schema/contract.ts.
  it("holds every object field of the supergraph except the licensed Article.body", () => {
    const { outsideFields } = contractOf(parse(composeSupergraph(subgraphs).supergraphSdl), "public");
    expect(outsideFields).toEqual(["Article.body"]);
  });

  it("holds every union", () => {
    const { outsideUnions } = contractOf(parse(composeSupergraph(subgraphs).supergraphSdl), "public");
    expect(outsideUnions).toEqual([]);
  });
});

// Private: the reader SDL with one more field on its Article type.
function withArticleField(document: DocumentNode, fieldSdl: string): DocumentNode {
  const field = (parse(`type T { ${fieldSdl} }`).definitions[0] as ObjectTypeDefinitionNode).fields![0]!;
  return {
    ...document,
    definitions: document.definitions.map((d) =>
      d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === "Article" ? { ...d, fields: [...(d.fields ?? []), field] } : d,
    ),
  };
}

// Private: which object fields and unions of a supergraph an include-tag contract leaves out,
// by Apollo's contract rules: a field is in when it or its type carries the tag; a union is in
// when it carries the tag. @inaccessible fields are not in the API at all, and the join__/link__
// machinery is not part of the graph.
function contractOf(supergraph: DocumentNode, tag: string) {
  const tagged = (directives: readonly ConstDirectiveNode[] | undefined) =>
    (directives ?? []).some(
      (d) => d.name.value === "tag" && d.arguments?.some((a) => a.value.kind === Kind.STRING && a.value.value === tag),
    );
  const inaccessible = (directives: readonly ConstDirectiveNode[] | undefined) =>
    (directives ?? []).some((d) => d.name.value === "inaccessible");
  const outsideFields: string[] = [];
  const outsideUnions: string[] = [];
  for (const definition of supergraph.definitions) {
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION) {
      if (/^(join|link)__/.test(definition.name.value) || inaccessible(definition.directives)) continue;
      const typeTagged = tagged(definition.directives);
      for (const field of definition.fields ?? []) {
        if (inaccessible(field.directives)) continue;
        if (!typeTagged && !tagged(field.directives)) outsideFields.push(`${definition.name.value}.${field.name.value}`);
      }
    } else if (definition.kind === Kind.UNION_TYPE_DEFINITION && !tagged(definition.directives)) {
      outsideUnions.push(definition.name.value);
    }
  }
  return { outsideFields: outsideFields.sort(), outsideUnions: outsideUnions.sort() };
}
