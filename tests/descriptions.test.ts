// The schema reads as documentation: every type, field, argument, input field and enum value a
// client can see carries a description, and every deprecation names its replacement. Walks the
// schema as introspection shows it, which is what GraphiQL, codegen and reviewers read.
import { introspectionFromSchema, type IntrospectionInputValue, type IntrospectionType } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { newsSchema } from "../src/server.js";

/** Every place in the schema that can hold a description or a deprecation, named by its path. */
interface Described {
  path: string;
  description: string | null | undefined;
  deprecationReason?: string | null;
}

// Not ours to describe: the spec's scalars and introspection types (graphql-js describes them),
// and what @apollo/subgraph adds for gateways: `_Any`, `_Entity`, `_Service`, `_entities`,
// `_service` (underscore names, by the federation spec) and the `link__`/`federation__` types
// of the @link and federation specs. Anything else, including every type of ours, is checked.
const SPEC_SCALARS = new Set(["String", "Int", "Float", "Boolean", "ID"]);
const isFederationOrBuiltIn = (name: string) =>
  name.startsWith("_") || name.startsWith("link__") || name.startsWith("federation__") || SPEC_SCALARS.has(name);

let described: Described[];

beforeAll(async () => {
  const { __schema } = introspectionFromSchema(await newsSchema(), { inputValueDeprecation: true });
  described = __schema.types.filter((type) => !isFederationOrBuiltIn(type.name)).flatMap(walkType);
});

describe("schema descriptions", () => {
  it("walks every type, field, argument, input field and enum value of ours", () => {
    // The walk itself must reach each kind of place, or the checks below would pass vacuously.
    expect(described.some((d) => d.path === "Query")).toBe(true);
    expect(described.some((d) => d.path === "Query.articles(first)")).toBe(true);
    expect(described.some((d) => d.path === "ArticleFilter.personId")).toBe(true);
    expect(described.some((d) => d.path === "AgreementKind.TRADE")).toBe(true);
    expect(described.some((d) => d.path === "Entity")).toBe(true);
    expect(described.some((d) => d.path.startsWith("_") || d.path.startsWith("Query._"))).toBe(false);
  });

  it("describes every one of them for a frontend developer", () => {
    const missing = described.filter((d) => !d.description?.trim()).map((d) => d.path);
    expect(missing, "add a description (what it is, units, formats, what null means) to each of these").toEqual([]);
  });

  it("deprecates only with a reason that names the replacement in backticks, never silently", () => {
    const unexplained = described
      .filter((d) => d.deprecationReason != null && !/`[^`]+`/.test(d.deprecationReason))
      .map((d) => `${d.path}: ${d.deprecationReason}`);
    expect(unexplained, 'write @deprecated(reason: "Use `replacement` instead. …")').toEqual([]);
  });
});

// Private: the describable places of one introspected type, the type itself first.
function walkType(type: IntrospectionType): Described[] {
  const places: Described[] = [{ path: type.name, description: type.description }];
  if (type.kind === "OBJECT" || type.kind === "INTERFACE") {
    for (const field of type.fields) {
      if (type.name === "Query" && isFederationOrBuiltIn(field.name)) continue;
      const path = `${type.name}.${field.name}`;
      places.push({ path, description: field.description, deprecationReason: field.deprecationReason });
      places.push(...field.args.map((arg) => inputValue(`${path}(${arg.name})`, arg)));
    }
  }
  if (type.kind === "INPUT_OBJECT") {
    places.push(...type.inputFields.map((field) => inputValue(`${type.name}.${field.name}`, field)));
  }
  if (type.kind === "ENUM") {
    for (const value of type.enumValues) {
      places.push({ path: `${type.name}.${value.name}`, description: value.description, deprecationReason: value.deprecationReason });
    }
  }
  return places;
}

// Private: an argument or input field (which can be deprecated too, with inputValueDeprecation).
function inputValue(path: string, value: IntrospectionInputValue): Described {
  return { path, description: value.description, deprecationReason: value.deprecationReason };
}
