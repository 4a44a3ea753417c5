// schema/examples.graphql never rots: every operation in it is valid against the built schema,
// and runs against the seed corpus with its sample variables, answering data and no errors.
import { Kind, NoDeprecatedCustomRule, parse, specifiedRules, validate, type OperationDefinitionNode } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { loadExamples, type ExampleOperation } from "../src/http/explorer/examples.js";
import { newsSchema } from "../src/server.js";
import { startTestServer, type TestServer } from "./harness.js";

const examples: ExampleOperation[] = await loadExamples();
let api: TestServer;

beforeAll(async () => {
  api = await startTestServer();
});

describe("schema/examples.graphql", () => {
  it("holds the operations a frontend sends: article, entity and country pages, _entities, a paginated list", () => {
    const rootFields = examples.flatMap((example) => rootFieldsOf(example.source));
    expect(rootFields).toEqual(expect.arrayContaining(["article", "person", "country", "_entities", "people"]));
    // The list example pages: it takes `after` and reads the cursor to continue from.
    const list = examples.find((example) => rootFieldsOf(example.source).includes("people"))!;
    expect(list.source).toMatch(/\$after: String/);
    expect(list.source).toMatch(/endCursor/);
  });

  it.each(examples.map((example) => [example.name, example] as const))(
    "%s is valid against the built schema, with no deprecated field",
    async (_name, example) => {
      // What frontends copy must not teach them a field that is on its way out.
      const errors = validate(await newsSchema(), parse(example.source), [...specifiedRules, NoDeprecatedCustomRule]);
      expect(errors.map((error) => error.message)).toEqual([]);
    },
  );

  it.each(examples.map((example) => [example.name, example] as const))(
    "%s runs on the seed corpus with its sample variables",
    async (_name, example) => {
      const res = await api.query(example.source, example.variables);
      expect(res.errors).toBeUndefined();
      expect(res.status).toBe(200);
      // Every root field found something: the sample variables point at real records.
      for (const [field, value] of Object.entries(res.data)) {
        expect(value, `${example.name}: ${field}`).not.toBeNull();
        if (Array.isArray(value))
          expect(
            value.every((item) => item !== null),
            `${example.name}: ${field}`,
          ).toBe(true);
      }
    },
  );
});

// Private: the root fields an operation selects.
function rootFieldsOf(source: string): string[] {
  const operation = parse(source).definitions[0] as OperationDefinitionNode;
  return operation.selectionSet.selections.flatMap((selection) => (selection.kind === Kind.FIELD ? [selection.name.value] : []));
}
