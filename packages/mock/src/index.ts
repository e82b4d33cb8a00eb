/**
 * msw handlers that implement the diachiso platform API on the embedded dataset.
 *
 * @packageDocumentation
 */
export { createHandlers, problem, type MockOptions } from './handlers.js';
export { startMockServer, type MockServer, type MockServerOptions } from './server.js';
