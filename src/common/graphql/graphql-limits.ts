/** What one GraphQL request may ask for; everything over a limit is refused before it runs. */
export interface GraphQLLimits {
  /** Introspection and the GraphiQL page (served from this server, nothing from the internet). */
  playground: boolean;
  maxDepth: number;
  maxAliases: number;
  maxRootFields: number;
  /** Estimated cost (resolver calls, lists weighted by their page size). */
  maxCost: number;
  /** Lexical tokens of the document (graphql-js parser limit). */
  maxTokens: number;
  maxDirectives: number;
  /** Operations per batched (array) request; 0 refuses batches. */
  maxBatch: number;
}
