/** Where GraphQL is served, over HTTP and WebSocket alike; the middlewares in front of it match it too. */
export const GRAPHQL_PATH = '/graphql';
