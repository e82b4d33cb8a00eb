#!/usr/bin/env node
// diachiso-mock: the mock platform as a local HTTP server.
// Usage: npx diachiso-mock [--port 8787] [--host 127.0.0.1] [--api-key KEY] [--latency MS] [--rate-limit N]
import { parseArgs } from 'node:util';
import { startMockServer, type MockServerOptions } from './server.js';

const USAGE = 'usage: diachiso-mock [--port 8787] [--host 127.0.0.1] [--api-key KEY] [--latency MS] [--rate-limit PER_MINUTE]';

/** Prints one line and exits: wrong arguments are the caller's to fix, not a crash. */
function fail(message: string, code = 2): never {
  console.error(`diachiso-mock: ${message}\n${USAGE}`);
  process.exit(code);
}

function int(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max)
    fail(`--${name} must be a whole number from ${min} to ${max}, not "${raw.slice(0, 40)}"`);
  return Number(raw);
}

let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'api-key': { type: 'string' },
      latency: { type: 'string' },
      'rate-limit': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }));
} catch (e) {
  fail((e as Error).message.split('\n')[0]!);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
const port = int('port', str('port'), 0, 65535) ?? 8787;
const latency = int('latency', str('latency'), 0, 600_000);
const rate = int('rate-limit', str('rate-limit'), 1, 1_000_000);
const opts: MockServerOptions = {
  port,
  host: str('host') ?? '127.0.0.1',
  ...(str('api-key') ? { apiKey: str('api-key')! } : {}),
  ...(latency !== undefined ? { latencyMs: latency } : {}),
  ...(rate !== undefined ? { rateLimitPerMinute: rate } : {}),
};
try {
  const m = await startMockServer(opts);
  console.log(`diachiso mock platform on ${m.url}/v1 (embedded dataset; Ctrl+C to stop)`);
  const stop = () => void m.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (e) {
  const err = e as { code?: string; message?: string };
  fail(
    err.code === 'EADDRINUSE'
      ? `port ${port} is in use; pick another with --port`
      : err.code === 'EACCES'
        ? `not allowed to listen on port ${port}`
        : `could not start: ${err.message ?? String(e)}`,
    1,
  );
}
