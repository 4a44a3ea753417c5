import { readFileSync, writeFileSync } from "node:fs";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse, printType, print, type GraphQLSchema, type GraphQLNamedType, isScalarType, isEnumType, isInputObjectType } from "graphql";
import { astFromDirective } from "@graphql-tools/utils";
import { buildNewsSchema, printNewsSchema } from "../src/graphql/federation.js";
const schema = await buildNewsSchema();
const sdl = printNewsSchema(schema);
const used = new Set([...sdl.matchAll(/@(\w+)/g)].map((m) => m[1]));
const defs: string[] = [];
const types = new Set<string>();
for (const d of schema.getDirectives()) {
  if (!used.has(d.name) || ["deprecated", "specifiedBy", "include", "skip", "oneOf"].includes(d.name)) continue;
  defs.push(print(astFromDirective(d)));
  for (const a of d.args) { let t: any = a.type; while (t.ofType) t = t.ofType; if (!["String","Boolean","Int"].includes(t.name)) types.add(t.name); }
}
for (const t of types) defs.push(printType(schema.getType(t)!));
const text = sdl + "\n\n" + defs.join("\n\n") + "\n";
console.log(defs.join("\n\n"));
buildSubgraphSchema(parse(text));
writeFileSync(".scratch/with-defs.graphql", text);
console.log("buildSubgraphSchema ok");
