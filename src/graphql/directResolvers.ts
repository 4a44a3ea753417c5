// Calls resolver methods directly for the fields whose parameters are only the parent object, the
// context or the info: type-graphql's wrapper around each call (finding the resolver instance in its
// container, building and sorting the parameter list, running an empty middleware chain) does nothing
// else for them. Resolvers with @Arg parameters keep the wrapper, which converts and validates
// arguments and so calls the method a few promise ticks later: changing that could reorder errors.
import { GraphQLObjectType, type GraphQLSchema } from "graphql";
import { getMetadataStorage } from "type-graphql";

/** A GraphQL resolver function. */
type Resolve = (root: unknown, args: unknown, context: unknown, info: unknown) => unknown;

/** One parameter of a resolver method, as type-graphql records it. */
interface ParamMetadata {
  kind: string;
  index: number;
  propertyName?: string;
  getType?: () => unknown;
}

/** What type-graphql records of a query or field resolver method. */
interface HandlerMetadata {
  target: new () => Record<string, (...params: unknown[]) => unknown>;
  methodName: string;
  schemaName: string;
  kind?: "internal" | "external";
  params?: ParamMetadata[];
  middlewares?: unknown[];
  roles?: unknown[];
  getObjectType?: () => unknown;
}

/**
 * Given a schema type-graphql built from `resolvers` and the resolver map read from it, replaces in
 * the map the resolver of every query and field resolver whose parameters are only @Root, @Ctx and
 * @Info with a direct call of its method on one instance of its class (the classes hold no state).
 * Does nothing while any middleware or @Authorized is declared, since the wrapper runs those.
 */
export function withDirectResolvers(
  schema: GraphQLSchema,
  resolvers: readonly unknown[],
  resolverMap: Record<string, Record<string, unknown>>,
): void {
  const metadata = getMetadataStorage();
  if (metadata.middlewares.length || metadata.resolverMiddlewares.length || metadata.authorizedFields.length || metadata.authorizedResolver.length) return;
  const queryType = schema.getQueryType()?.name;
  const handlers: [string | undefined, HandlerMetadata][] = [
    ...(metadata.queries as unknown as HandlerMetadata[]).map((q): [string | undefined, HandlerMetadata] => [queryType, q]),
    ...(metadata.fieldResolvers as unknown as HandlerMetadata[])
      .filter((f) => f.kind === "external")
      .map((f): [string | undefined, HandlerMetadata] => [objectTypeServed(f), f]),
  ].filter(([, h]) => resolvers.includes(h.target));

  // A field two handlers claim (a subclassed resolver, say) is left to type-graphql's own choice.
  const claims = new Map<string, number>();
  for (const [type, h] of handlers) claims.set(`${type}.${h.schemaName}`, (claims.get(`${type}.${h.schemaName}`) ?? 0) + 1);

  const instances = new Map<unknown, Record<string, (...params: unknown[]) => unknown>>();
  for (const [type, handler] of handlers) {
    if (type === undefined || claims.get(`${type}.${handler.schemaName}`) !== 1) continue;
    const field = schema.getType(type);
    if (!(field instanceof GraphQLObjectType) || !field.getFields()[handler.schemaName] || !resolverMap[type]?.[handler.schemaName]) continue;
    if (handler.middlewares?.length || handler.roles) continue;
    const direct = directResolver(handler, instances);
    if (direct) resolverMap[type]![handler.schemaName] = direct;
  }
}

// Private: the object type whose field a field resolver serves, as type-graphql matches them (the
// field declared on the resolver's class under the method's name), or undefined when none is.
function objectTypeServed(handler: HandlerMetadata): string | undefined {
  const target = handler.getObjectType?.();
  const type = getMetadataStorage().objectTypes.find((o) => o.target === target);
  const field = type?.fields?.find((f) => f.schemaName === handler.schemaName);
  return field && field.target === target && field.name === handler.methodName ? type!.name : undefined;
}

// Private: the direct call of one handler, or undefined when a parameter needs type-graphql.
function directResolver(handler: HandlerMetadata, instances: Map<unknown, Record<string, (...params: unknown[]) => unknown>>): Resolve | undefined {
  const getters: Resolve[] = [];
  for (const param of [...(handler.params ?? [])].sort((a, b) => a.index - b.index)) {
    const getter = paramGetter(param);
    if (!getter || param.index !== getters.length) return undefined;
    getters.push(getter);
  }
  let instance = instances.get(handler.target);
  if (!instance) instances.set(handler.target, (instance = new handler.target()));
  const self = instance;
  const method = self[handler.methodName];
  if (typeof method !== "function") return undefined;
  switch (getters.length) {
    case 0:
      return () => method.call(self);
    case 1: {
      const [a] = getters as [Resolve];
      return (root, args, context, info) => method.call(self, a(root, args, context, info));
    }
    case 2: {
      const [a, b] = getters as [Resolve, Resolve];
      return (root, args, context, info) => method.call(self, a(root, args, context, info), b(root, args, context, info));
    }
    default:
      return (root, args, context, info) => method.apply(self, getters.map((g) => g(root, args, context, info)));
  }
}

// Private: reads one parameter the way type-graphql's getParams does, for the kinds that need no conversion.
function paramGetter(param: ParamMetadata): Resolve | undefined {
  switch (param.kind) {
    case "root": {
      // A @Root typed with a class is converted to an instance of it by type-graphql; leave those to it.
      const type = param.getType?.();
      if (type !== undefined && type !== Object) return undefined;
      const name = param.propertyName;
      return name === undefined ? (root) => root : (root) => (root as Record<string, unknown>)[name];
    }
    case "context": {
      const name = param.propertyName;
      return name === undefined ? (_root, _args, context) => context : (_root, _args, context) => (context as Record<string, unknown>)[name];
    }
    case "info":
      return (_root, _args, _context, info) => info;
    default:
      return undefined;
  }
}
