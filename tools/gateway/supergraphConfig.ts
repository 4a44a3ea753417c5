// The supergraph config file (supergraph.yaml), in the format Apollo's rover reads for
// `rover supergraph compose --config`: which subgraphs make the supergraph, where the router
// sends each one's requests, and where its schema comes from (a file, an inline SDL, or the
// running subgraph's `_service { sdl }`). `npm run supergraph` and `npm run gateway` read it.
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseGraphQL, type DocumentNode } from "graphql";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import type { SubgraphDefinition } from "./compose.js";

/** The committed config: the news subgraph and the reader team's example subgraph. */
export const SUPERGRAPH_CONFIG_FILE = fileURLToPath(new URL("../../supergraph.yaml", import.meta.url));

/** Where one subgraph's schema comes from. */
export type SchemaSource = { file: string } | { subgraphUrl: string; headers: Record<string, string> } | { sdl: string };

/** One subgraph of the config. */
export interface ConfiguredSubgraph {
  name: string;
  /** Where the router sends this subgraph's requests. */
  routingUrl: string;
  schema: SchemaSource;
}

/** A read and checked supergraph config. */
export interface SupergraphConfig {
  /** The config file, absolute; `file:` paths are relative to its folder, as in rover. */
  path: string;
  /** The config file as it was named (relative, say), for messages. */
  shownAs: string;
  /** `federation_version` as written, e.g. `=2.14.4` or `2`. */
  federationVersion: string;
  subgraphs: ConfiguredSubgraph[];
}

/** The config file cannot be used; the message names the file, the key and what is wrong, on one line. */
export class SupergraphConfigError extends Error {
  override readonly name = "SupergraphConfigError";
}

const schemaSource = z
  .object({
    file: z.string().min(1).optional(),
    subgraph_url: z.url().optional(),
    introspection_headers: z.record(z.string(), z.string()).optional(),
    sdl: z.string().min(1).optional(),
    graphref: z.string().optional(),
  })
  .strict();

const configSchema = z
  .object({
    federation_version: z.union([z.string(), z.number()]).transform(String),
    subgraphs: z.record(
      z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, "a subgraph name is letters, digits, _ and -, starting with a letter"),
      z.object({ routing_url: z.url(), schema: schemaSource }).strict(),
    ),
  })
  .strict();

/**
 * Given the path of a supergraph config, returns it read and checked, or throws
 * SupergraphConfigError naming the file and the key at fault.
 */
export async function readSupergraphConfig(path: string = SUPERGRAPH_CONFIG_FILE): Promise<SupergraphConfig> {
  const absolute = resolve(path);
  let text: string;
  try {
    text = await readFile(absolute, "utf8");
  } catch (error) {
    throw new SupergraphConfigError(
      `${path}: cannot read the supergraph config (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new SupergraphConfigError(`${path}: not valid YAML: ${String((error as Error).message).split("\n")[0]}`);
  }
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const at = issue.path.length > 0 ? issue.path.join(".") : "(top level)";
    throw new SupergraphConfigError(`${path}: ${at}: ${issue.message}`);
  }
  const { federation_version, subgraphs } = result.data;
  if (!/^=?2(\.|$)/.test(federation_version)) {
    throw new SupergraphConfigError(
      `${path}: federation_version: "${federation_version}" is not Federation 2; this project composes with Federation 2 (e.g. "=2.14.4")`,
    );
  }
  const names = Object.keys(subgraphs);
  if (names.length === 0) throw new SupergraphConfigError(`${path}: subgraphs: list at least one subgraph`);
  return {
    path: absolute,
    shownAs: path,
    federationVersion: federation_version,
    subgraphs: names.map((name) => {
      const { routing_url, schema } = subgraphs[name]!;
      return { name, routingUrl: routing_url, schema: sourceOf(path, name, schema) };
    }),
  };
}

/**
 * Given a config, returns each subgraph's definition for composition: its SDL read from its file,
 * taken inline, or fetched from the running subgraph (`{ _service { sdl } }`). `introspectAt`
 * replaces a subgraph's `subgraph_url` (a subgraph started on another port than the config says).
 * Throws SupergraphConfigError naming the subgraph when a schema cannot be had or parsed.
 */
export async function loadSubgraphDefinitions(
  config: SupergraphConfig,
  introspectAt: Record<string, string> = {},
): Promise<SubgraphDefinition[]> {
  return Promise.all(
    config.subgraphs.map(async (subgraph) => {
      const where = `${config.shownAs}: subgraphs.${subgraph.name}.schema`;
      const sdl = await schemaText(subgraph, config, introspectAt[subgraph.name], where);
      let typeDefs: DocumentNode;
      try {
        typeDefs = parseGraphQL(sdl);
      } catch (error) {
        throw new SupergraphConfigError(`${where}: the schema is not valid GraphQL: ${(error as Error).message.split("\n")[0]}`);
      }
      return { name: subgraph.name, url: subgraph.routingUrl, typeDefs };
    }),
  );
}

// Private: one subgraph's schema source, checked to be exactly one of the kinds this tool reads.
function sourceOf(path: string, name: string, schema: z.infer<typeof schemaSource>): SchemaSource {
  const where = `${path}: subgraphs.${name}.schema`;
  if (schema.graphref !== undefined) {
    throw new SupergraphConfigError(`${where}: graphref needs GraphOS; give the schema as file, subgraph_url or sdl`);
  }
  const given = (["file", "subgraph_url", "sdl"] as const).filter((key) => schema[key] !== undefined);
  if (given.length !== 1) {
    throw new SupergraphConfigError(
      `${where}: give exactly one of file, subgraph_url or sdl${given.length > 1 ? ` (found ${given.join(" and ")})` : ""}`,
    );
  }
  if (schema.file !== undefined) return { file: schema.file };
  if (schema.sdl !== undefined) return { sdl: schema.sdl };
  return { subgraphUrl: schema.subgraph_url!, headers: schema.introspection_headers ?? {} };
}

// Private: the SDL text of one subgraph, from wherever its source says.
async function schemaText(subgraph: ConfiguredSubgraph, config: SupergraphConfig, introspectAt: string | undefined, where: string) {
  const source = subgraph.schema;
  if ("sdl" in source) return source.sdl;
  if ("file" in source) {
    const file = resolve(dirname(config.path), source.file);
    try {
      return await readFile(file, "utf8");
    } catch (error) {
      throw new SupergraphConfigError(`${where}.file: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  }
  const url = introspectAt ?? source.subgraphUrl;
  let answer: { data?: { _service?: { sdl?: string } }; errors?: { message: string }[] };
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...source.headers },
      body: JSON.stringify({ query: "{ _service { sdl } }" }),
      signal: AbortSignal.timeout(10_000),
    });
    answer = (await response.json()) as typeof answer;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new SupergraphConfigError(`${where}.subgraph_url: cannot fetch the schema from ${url} (${cause}); is the subgraph running?`);
  }
  const sdl = answer.data?._service?.sdl;
  if (typeof sdl !== "string") {
    const why = answer.errors?.[0]?.message ?? "no _service.sdl in the answer";
    throw new SupergraphConfigError(`${where}.subgraph_url: ${url} did not give its subgraph SDL (${why}); is it a federation subgraph?`);
  }
  return sdl;
}
