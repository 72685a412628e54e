// Stands in for the "server-only" package under vitest: the real one throws outside React
// server components, and tests import server code directly.
export {};
