// The definitions of the federation and link directives a subgraph SDL uses. Apollo's printer
// leaves them out (composition knows them), so a tool that does not know federation (graphql-inspector,
// GraphQL Code Generator, an editor's language server) fails on "Unknown directive @link/@key".
// Appended to schema/schema.graphql, they make it a complete schema document any tool can build.
import { astFromDirective } from "@graphql-tools/utils";
import { getNamedType, isSpecifiedDirective, isSpecifiedScalarType, print, printType, type GraphQLSchema } from "graphql";

/**
 * Given the built subgraph schema and its printed SDL, returns the SDL of every directive the SDL
 * applies that graphql-js does not define itself (`@link`, `@key`, `@tag`…), followed by the types
 * their arguments use (`link__Import`, `federation__FieldSet`…), in the order the schema lists them.
 */
export function directiveDefinitionsFor(schema: GraphQLSchema, sdl: string): string {
  const applied = new Set([...sdl.matchAll(/@([_A-Za-z][_0-9A-Za-z]*)/g)].map((match) => match[1]!));
  const directives = schema.getDirectives().filter((directive) => applied.has(directive.name) && !isSpecifiedDirective(directive));
  const argumentTypes = new Set(
    directives.flatMap((directive) => directive.args.map((arg) => getNamedType(arg.type))).filter((type) => !isSpecifiedScalarType(type)),
  );
  return [...directives.map((directive) => print(astFromDirective(directive))), ...[...argumentTypes].map((type) => printType(type))].join(
    "\n\n",
  );
}
