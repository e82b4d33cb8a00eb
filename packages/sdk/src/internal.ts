/**
 * What the sibling packages of `@diachiso/sdk` share with it and nobody else should use: the
 * platform contract, the routes table (both halves) and the local platform. No semver promise:
 * it changes with the packages that import it, which are released with it.
 *
 * @packageDocumentation
 * @internal
 */
export type { Answer, Args, Op, Operations, Platform, RunContext, Sourced } from './platform.js';
export { routes, served, target, type Route, type Served, type WireRequest } from './routes.js';
export { LocalPlatform, type Handler, type LocalOptions } from './local-platform.js';
export { handlers as localHandlers } from './local-handlers.js';
