// Schema checks before deploy: what changed between the released contract (a baseline SDL) and
// the current subgraph SDL, and which changes break someone. @graphql-inspector/core judges the
// GraphQL changes; the federation directives a supergraph relies on are judged here, by meaning.
import { buildSubgraphSchema } from "@apollo/subgraph";
import { ChangeType, CriticalityLevel, diff, DiffRule, type Change } from "@graphql-inspector/core";
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  parse,
  print,
  type ConstDirectiveNode,
  type GraphQLSchema,
} from "graphql";

/** How much a change can hurt: clients' operations or other subgraphs' composition. */
export type ChangeLevel = "BREAKING" | "DANGEROUS" | "NON_BREAKING";

/** One difference between the baseline and the current schema. */
export interface SchemaChange {
  level: ChangeLevel;
  /** Schema coordinate of what changed, e.g. `Article.headline`. */
  path: string;
  message: string;
  /** Why it has its level, when there is more to say. */
  reason?: string;
}

/** Federation directives whose meaning this module judges instead of inspector. */
const FEDERATION_DIRECTIVES = ["key", "tag", "shareable", "inaccessible"] as const;
type FederationDirective = (typeof FEDERATION_DIRECTIVES)[number];

/**
 * Given the baseline SDL and the current SDL of a subgraph, returns every change, breaking ones
 * first. Removing a field or enum value that the baseline already deprecated is dangerous, not
 * breaking: deprecate in one release, remove in a later one. Description changes are left out:
 * they never break anyone, and every added field would otherwise be reported twice.
 */
export async function checkSchema(baselineSdl: string, currentSdl: string): Promise<SchemaChange[]> {
  const baseline = buildSubgraphSchema(parse(baselineSdl));
  const current = buildSubgraphSchema(parse(currentSdl));
  const changes = (await diff(baseline, current, [DiffRule.suppressRemovalOfDeprecatedField, DiffRule.ignoreDescriptionChanges]))
    .filter((change) => !isAboutFederationDirective(change))
    .map(fromInspector);
  changes.push(...federationChanges(baseline, current));
  const order: ChangeLevel[] = ["BREAKING", "DANGEROUS", "NON_BREAKING"];
  return changes.sort((a, b) => order.indexOf(a.level) - order.indexOf(b.level) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

// Private: true for inspector's reports of federation directive usage, which it judges by name
// only (a changed @key reads as "argument 'fields' was removed"); federationChanges says more.
function isAboutFederationDirective(change: Change): boolean {
  if (!change.type.startsWith("DIRECTIVE_USAGE_")) return false;
  const meta = change.meta as { addedDirectiveName?: string; removedDirectiveName?: string; directiveName?: string };
  const name = meta.addedDirectiveName ?? meta.removedDirectiveName ?? meta.directiveName;
  return (FEDERATION_DIRECTIVES as readonly string[]).includes(name ?? "");
}

/** Removals that suppressRemovalOfDeprecatedField lowers to dangerous when the baseline deprecated them. */
const REMOVALS: readonly string[] = [ChangeType.FieldRemoved, ChangeType.EnumValueRemoved, ChangeType.InputFieldRemoved];

// Private: an inspector change in this module's terms.
function fromInspector(change: Change): SchemaChange {
  const level =
    change.criticality.level === CriticalityLevel.Breaking
      ? "BREAKING"
      : change.criticality.level === CriticalityLevel.Dangerous
        ? "DANGEROUS"
        : "NON_BREAKING";
  // Inspector's own reason still calls a lowered removal breaking; say why it is not.
  const reason =
    level === "DANGEROUS" && REMOVALS.includes(change.type)
      ? "The baseline deprecated it, so clients had notice; check that no client still asks for it before releasing."
      : change.criticality.reason;
  return { level, path: change.path ?? "", message: change.message, ...(reason ? { reason } : {}) };
}

/** One federation directive applied at one schema coordinate, e.g. `@key(fields: "code")` on `Country`. */
interface DirectiveUse {
  directive: FederationDirective;
  coordinate: string;
  /** The argument that gives the use its meaning: a key's fields, a tag's name. */
  argument: string | null;
}

// Private: the changes in federation directive use, at coordinates present in both schemas
// (a removed field's tags go with it; inspector already reports the removal).
function federationChanges(baseline: GraphQLSchema, current: GraphQLSchema): SchemaChange[] {
  const before = directiveUses(baseline);
  const after = directiveUses(current);
  const changes: SchemaChange[] = [];
  for (const [id, use] of before.uses) if (!after.uses.has(id) && after.coordinates.has(use.coordinate)) changes.push(removed(use));
  for (const [id, use] of after.uses) if (!before.uses.has(id) && before.coordinates.has(use.coordinate)) changes.push(added(use));
  return changes;
}

// Private: what removing a use means.
function removed({ directive, coordinate, argument }: DirectiveUse): SchemaChange {
  switch (directive) {
    case "key":
      return {
        level: "BREAKING",
        path: coordinate,
        message: `Entity '${coordinate}' lost its key ${argument}`,
        reason: "Other subgraphs that reference the entity by this key stop composing or resolving.",
      };
    case "tag":
      return {
        level: "BREAKING",
        path: coordinate,
        message: `'${coordinate}' left the contract tag ${argument}`,
        reason: "Clients of that contract variant lose it.",
      };
    case "shareable":
      return {
        level: "BREAKING",
        path: coordinate,
        message: `'${coordinate}' is no longer @shareable`,
        reason: "Other subgraphs that define it too stop composing.",
      };
    case "inaccessible":
      return { level: "NON_BREAKING", path: coordinate, message: `'${coordinate}' is no longer @inaccessible: clients can now query it` };
  }
}

// Private: what adding a use means.
function added({ directive, coordinate, argument }: DirectiveUse): SchemaChange {
  switch (directive) {
    case "key":
      return { level: "NON_BREAKING", path: coordinate, message: `Entity '${coordinate}' gained the key ${argument}` };
    case "tag":
      return { level: "NON_BREAKING", path: coordinate, message: `'${coordinate}' joined the contract tag ${argument}` };
    case "shareable":
      return { level: "NON_BREAKING", path: coordinate, message: `'${coordinate}' is now @shareable` };
    case "inaccessible":
      return {
        level: "BREAKING",
        path: coordinate,
        message: `'${coordinate}' is now @inaccessible`,
        reason: "Clients can no longer query it.",
      };
  }
}

// Private: every federation directive use in a schema, by identity, and every coordinate.
function directiveUses(schema: GraphQLSchema): { uses: Map<string, DirectiveUse>; coordinates: Set<string> } {
  const uses = new Map<string, DirectiveUse>();
  const coordinates = new Set<string>();
  const visit = (coordinate: string, nodes: readonly ({ directives?: readonly ConstDirectiveNode[] } | null | undefined)[]) => {
    coordinates.add(coordinate);
    for (const node of nodes) {
      for (const directive of node?.directives ?? []) {
        const name = directive.name.value as FederationDirective;
        if (!FEDERATION_DIRECTIVES.includes(name)) continue;
        const argument = directive.arguments?.find((a) => a.name.value === (name === "key" ? "fields" : "name"));
        const use: DirectiveUse = { directive: name, coordinate, argument: argument ? print(argument.value) : null };
        uses.set(`${name} ${coordinate} ${use.argument ?? ""}`, use);
      }
    }
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    visit(type.name, [type.astNode, ...type.extensionASTNodes]);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        visit(`${type.name}.${field.name}`, [field.astNode]);
        for (const arg of field.args) visit(`${type.name}.${field.name}(${arg.name}:)`, [arg.astNode]);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) visit(`${type.name}.${field.name}`, [field.astNode]);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) visit(`${type.name}.${value.name}`, [value.astNode]);
    }
  }
  return { uses, coordinates };
}
