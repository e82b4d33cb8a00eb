#!/usr/bin/env node
// diachiso-mock: the mock platform as a local HTTP server.
// Usage: npx diachiso-mock [--port 8787] [--host 127.0.0.1] [--api-key KEY] [--latency MS] [--rate-limit N]
import { startMockServer } from './server.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
if (process.argv.includes('--help')) {
  console.log('diachiso-mock [--port 8787] [--host 127.0.0.1] [--api-key KEY] [--latency MS] [--rate-limit PER_MINUTE]');
  process.exit(0);
}
const m = await startMockServer({
  port: Number(arg('port') ?? 8787),
  host: arg('host') ?? '127.0.0.1',
  ...(arg('api-key') ? { apiKey: arg('api-key')! } : {}),
  ...(arg('latency') ? { latencyMs: Number(arg('latency')) } : {}),
  ...(arg('rate-limit') ? { rateLimitPerMinute: Number(arg('rate-limit')) } : {}),
});
console.log(`diachiso mock platform on ${m.url}/v1 (embedded dataset; Ctrl+C to stop)`);
