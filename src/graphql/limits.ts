// Operation limits: the static checks that refuse a hostile document before it runs (depth,
// aliases, directives, root fields, tokens), each with its own error code and numbers a client can act on.
// Depth, aliases and directives are graphql-armor's rules; tokens are graphql-js's own parser limit.
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { GraphQLError, Kind, Lexer, Source, TokenKind, type SelectionSetNode, type ValidationContext, type ValidationRule } from "graphql";

/** How one limit is set and explained; the table below holds one per limit. */
export interface LimitSpec {
  /** The limit's name in errors (`extensions.limit`). */
  name: string;
  /** The environment variable config.ts reads it from. */
  variable: string;
  /** Its value when the variable is unset or empty. */
  default: number;
  /** The smallest value the variable accepts. */
  min: number;
  /** The largest value the variable accepts. */
  max: number;
  /** The `extensions.code` of an operation over it: Apollo Router's name where it has one, so clients switch on familiar codes. */
  code: string;
  /** What it measures, for the error message ("The operation's … is 16"). */
  measure: string;
  /** How a client gets under it, for the error message. */
  advice: string;
}

/**
 * Every operation limit, keyed by its option in Config: the one list that config.ts reads the
 * variables from, `OperationLimits` is typed from, and errors take their code and wording from.
 * The comment on each entry is the option's documentation (and says why its default).
 */
export const LIMITS = {
  /** Deepest field nesting an operation may select, introspection included. The default is the depth of the standard introspection query that GraphiQL and codegen send. */
  maxDepth: {
    name: "depth",
    variable: "MAX_DEPTH",
    default: 15,
    min: 1,
    max: 1000,
    code: "MAX_DEPTH_LIMIT",
    measure: "depth",
    advice: "Select fewer nested levels.",
  },
  /** Most aliases in one operation, fragments included. The default is Apollo Router's `max_aliases`. */
  maxAliases: {
    name: "aliases",
    variable: "MAX_ALIASES",
    default: 30,
    min: 0,
    max: 10_000,
    code: "MAX_ALIASES_LIMIT",
    measure: "number of aliases",
    advice: "Use fewer aliases, or split the operation.",
  },
  /** Most directives in one operation, fragments included. The default is graphql-armor's. */
  maxDirectives: {
    name: "directives",
    variable: "MAX_DIRECTIVES",
    default: 50,
    min: 0,
    max: 10_000,
    code: "MAX_DIRECTIVES_LIMIT",
    measure: "number of directives",
    advice: "Use fewer directives.",
  },
  /** Most lexical tokens in one document; parsing stops past it. */
  maxTokens: {
    name: "tokens",
    variable: "MAX_TOKENS",
    default: 2000,
    min: 100,
    max: 1_000_000,
    code: "MAX_TOKENS_LIMIT",
    measure: "number of tokens",
    advice: "Send a shorter document; use variables and fragments.",
  },
  /** Most root fields in one operation. The default is Apollo Router's `max_root_fields`. */
  maxRootFields: {
    name: "rootFields",
    variable: "MAX_ROOT_FIELDS",
    default: 20,
    min: 1,
    max: 10_000,
    code: "MAX_ROOT_FIELDS_LIMIT",
    measure: "number of root fields",
    advice: "Split the operation into several.",
  },
  /**
   * Highest estimated cost of one operation: objects cost 1, lists multiply by their page size
   * (src/graphql/cost.ts). A 100-article page with every relation costs about 6000, well under the default.
   */
  maxCost: {
    name: "cost",
    variable: "MAX_COST",
    default: 20_000,
    min: 1,
    max: 1_000_000_000,
    code: "COST_ESTIMATED_TOO_EXPENSIVE",
    measure: "estimated cost",
    advice: "Ask for smaller pages (`first`) or fewer nested lists.",
  },
  /**
   * Largest size of an operation's variables, in bytes of their JSON. Every request's variables
   * are measured, and the cost estimate keys its memo on them; the default holds a gateway's
   * `_entities` batch of a few thousand representations.
   */
  maxVariablesBytes: {
    name: "variablesBytes",
    variable: "MAX_VARIABLES_BYTES",
    default: 256 * 1024,
    min: 1024,
    max: 1024 * 1024 * 1024,
    code: "BAD_USER_INPUT",
    measure: "variables size in bytes (as JSON)",
    advice: "Send smaller variables.",
  },
  /**
   * Deepest nesting of arrays and objects inside an operation's variables (`{"a": [1]}` is 2). No
   * input type of this schema nests deeper than a few levels; a value thousands deep would
   * otherwise overflow the stack of whatever walks it.
   */
  maxVariablesDepth: {
    name: "variablesDepth",
    variable: "MAX_VARIABLES_DEPTH",
    default: 32,
    min: 1,
    max: 1000,
    code: "BAD_USER_INPUT",
    measure: "variables nesting depth",
    advice: "Send flatter variables.",
  },
} as const satisfies Record<string, LimitSpec>;

/** The limits an operation must stay within, one number per entry of {@link LIMITS}. */
export type OperationLimits = { -readonly [Option in keyof typeof LIMITS]: number };

/** Which limit an operation broke. */
export type LimitName = (typeof LIMITS)[keyof typeof LIMITS]["name"];

// Private: each limit's entry by its name, for the errors.
const BY_NAME = Object.fromEntries(Object.values(LIMITS).map((spec) => [spec.name, spec])) as Readonly<Record<LimitName, LimitSpec>>;

/** The `extensions.code` of each limit. */
export const LIMIT_CODES = Object.fromEntries(Object.values(LIMITS).map((spec) => [spec.name, spec.code])) as Readonly<
  Record<LimitName, string>
>;

/**
 * An operation over one of the limits. `extensions` carries the code, the limit's name, its
 * maximum and the value found, so a client can tell which limit and by how much.
 */
export class OperationLimitError extends GraphQLError {
  constructor(
    readonly limit: LimitName,
    readonly max: number,
    /** The value found; undefined only when it could not be measured because it is far over. */
    readonly value: number | undefined,
    /** Overrides the standard message, for the unmeasurable case. */
    message?: string,
  ) {
    const { measure, advice, code } = BY_NAME[limit];
    super(message ?? `The operation's ${measure} is ${value}, over the limit of ${max}. ${advice}`, {
      // 400 even when thrown outside validation (the cost check runs after it, in a plugin).
      extensions: { code, limit, max, value, http: { status: 400 } },
    });
    this.name = "OperationLimitError";
  }
}

/**
 * Given the limits, returns the validation rules that enforce depth, aliases, directives and root
 * fields. Introspection is not exempt: `__schema` counts towards depth like any other field.
 */
export function operationLimitRules(limits: OperationLimits): ValidationRule[] {
  const report = (limit: LimitName, max: number) => ({
    // Report through the validation context rather than throwing: every limit error comes back
    // in one response with the other validation errors, and graphql-js never sees an exception.
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        context?.reportError(new OperationLimitError(limit, max, foundIn(error, max)));
      },
    ],
  });
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: false, flattenFragments: true, ...report("depth", limits.maxDepth) },
    maxAliases: { n: limits.maxAliases, ...report("aliases", limits.maxAliases) },
    maxDirectives: { n: limits.maxDirectives, ...report("directives", limits.maxDirectives) },
    // Tokens are counted by graphql-js's parser (`parseOptions.maxTokens`): armor's Apollo token
    // plugin throws from a parsing hook, which Apollo turns into a 500.
    maxTokens: { enabled: false },
    // Cost multiplies lists by their page size, which armor cannot: see cost.ts.
    costLimit: { enabled: false },
    // Field suggestions stay: introspection is on, so hiding "Did you mean" would hide nothing.
    blockFieldSuggestion: { enabled: false },
  });
  return [...armor.protect().validationRules, maxRootFieldsRule(limits.maxRootFields)];
}

/** Given the limits, returns graphql-js parse options that stop parsing past the token limit. */
export function operationParseOptions(limits: Pick<OperationLimits, "maxTokens">) {
  return { maxTokens: limits.maxTokens };
}

/** Returns a rule that refuses operations selecting more than `max` root fields (fragments counted per use). */
export function maxRootFieldsRule(max: number): ValidationRule {
  return (context) => {
    // Memoised per fragment, so a fragment spread many times is counted once: no exponential walk.
    const perFragment = new Map<string, number>();
    const count = (selectionSet: SelectionSetNode): number => {
      let total = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) total += 1;
        else if (selection.kind === Kind.INLINE_FRAGMENT) total += count(selection.selectionSet);
        else {
          const name = selection.name.value;
          if (!perFragment.has(name)) {
            perFragment.set(name, 0); // a cycle counts 0 here; NoFragmentCyclesRule reports it
            const fragment = context.getFragment(name);
            perFragment.set(name, fragment ? count(fragment.selectionSet) : 0);
          }
          total += perFragment.get(name)!;
        }
      }
      return total;
    };
    return {
      OperationDefinition(operation) {
        const found = count(operation.selectionSet);
        if (found > max) context.reportError(new OperationLimitError("rootFields", max, found));
      },
    };
  };
}

/**
 * Given any error Apollo reports, returns the operation-limit error behind it, or undefined.
 * Apollo re-wraps validation errors with code GRAPHQL_VALIDATION_FAILED and parse errors with
 * GRAPHQL_PARSE_FAILED; this recovers the limit's own code, and turns graphql-js's token-limit
 * syntax error into a token limit error with the document's real token count.
 */
export function operationLimitErrorOf(error: unknown): OperationLimitError | undefined {
  let e: unknown = error;
  // Apollo wraps at most twice (its own class around graphql-js's error); a few hops suffice.
  for (let hops = 0; e instanceof Error && hops < 4; hops++, e = (e as GraphQLError).originalError) {
    if (e instanceof OperationLimitError) return e;
    // graphql-js 16 spells it "more that"; accept the fixed spelling too.
    const tooMany = e instanceof GraphQLError ? /^Syntax Error: Document contains more tha[nt] (\d+) tokens/.exec(e.message) : null;
    if (tooMany) {
      const max = Number(tooMany[1]);
      return new OperationLimitError("tokens", max, (e as GraphQLError).source ? countTokens((e as GraphQLError).source!.body) : max + 1);
    }
  }
  return undefined;
}

// Private: the number of tokens in a document, counted by graphql-js's lexer up to the first lexical error.
function countTokens(body: string): number {
  const lexer = new Lexer(new Source(body));
  let tokens = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) tokens++;
  } catch {
    // A lexical error after the limit: the count so far is still over it.
  }
  return tokens;
}

// Private: the value armor found, from its message ("… limit of 15 exceeded, found 16.").
// Armor's reject callback passes only the error, so its message is where the number is.
function foundIn(error: GraphQLError, max: number): number {
  const found = /found (\d+)/.exec(error.message);
  return found ? Number(found[1]) : max + 1;
}
