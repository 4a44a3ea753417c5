// The example operations of schema/examples.graphql with their sample variables from
// schema/examples.variables.json: what the explorer opens with and what tests run.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { Kind, parse, type OperationDefinitionNode } from "graphql";

/** The operations a frontend sends, one named operation each. */
export const EXAMPLES_FILE = fileURLToPath(new URL("../../../schema/examples.graphql", import.meta.url));
/** Sample variables for each operation, keyed by operation name. */
export const EXAMPLE_VARIABLES_FILE = fileURLToPath(new URL("../../../schema/examples.variables.json", import.meta.url));

/** One example operation. */
export interface ExampleOperation {
  /** The operation's name, e.g. `ArticlePage`. */
  name: string;
  /** Its source text as written, with the comment above it. */
  source: string;
  /** Sample variables that run it against the seed corpus; `{}` when it takes none. */
  variables: Record<string, unknown>;
}

/** Thrown when the examples file breaks its own rules (anonymous, duplicated or fragment definitions). */
export class ExamplesError extends Error {
  override readonly name = "ExamplesError";
}

/**
 * Returns the example operations in file order. Each must be a named operation with no
 * fragment definitions, so that each one runs on its own (in an explorer tab, or in a client).
 */
export async function loadExamples(
  file: string = EXAMPLES_FILE,
  variablesFile: string = EXAMPLE_VARIABLES_FILE,
): Promise<ExampleOperation[]> {
  const text = await readFile(file, "utf8");
  const variables = JSON.parse(await readFile(variablesFile, "utf8")) as Record<string, Record<string, unknown>>;
  const document = parse(text);
  const seen = new Set<string>();
  let previousEnd = 0;
  return document.definitions.map((definition) => {
    if (definition.kind !== Kind.OPERATION_DEFINITION) {
      throw new ExamplesError(
        `${file}: only operations belong here, found a ${definition.kind}; inline fragments keep each example self-contained.`,
      );
    }
    const name = (definition as OperationDefinitionNode).name?.value;
    if (!name) throw new ExamplesError(`${file}: every operation needs a name (the client's type names and the variables file use it).`);
    if (seen.has(name)) throw new ExamplesError(`${file}: operation name ${name} is used twice.`);
    seen.add(name);
    // The text between the previous operation and this one's end is this one's comment and body.
    const source = leadingCommentAndBody(text.slice(previousEnd, definition.loc!.end));
    previousEnd = definition.loc!.end;
    return { name, source, variables: variables[name] ?? {} };
  });
}

// Private: drops the blank lines and file header before an operation's own comment block.
function leadingCommentAndBody(chunk: string): string {
  const lines = chunk.replace(/^\s*\n/, "").split("\n");
  const bodyStart = lines.findIndex((line) => line.trim() !== "" && !line.trimStart().startsWith("#"));
  let start = bodyStart;
  while (start > 0 && lines[start - 1]!.trimStart().startsWith("#")) start--;
  return `${lines.slice(start).join("\n").trim()}\n`;
}
