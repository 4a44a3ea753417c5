// The public contract variant. A platform team publishes a contract schema filtered to the
// elements tagged `public` (Apollo contracts, include filter "public") for outside clients.

/**
 * Tags a type (and so all of its fields) or a single field as part of the public contract.
 * Everything is public except the licensed `Article.body`: tag Article's fields one by one, never
 * the Article type, because a tag on a type covers all its fields — in every subgraph.
 */
export const PUBLIC = `@tag(name: "public")`;
