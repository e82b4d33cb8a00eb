// Problem details (RFC 9457) as the platform writes them, and the error that carries one
// through the mock's own checks.
import { HttpResponse } from 'msw';

/** An RFC 9457 problem details response. */
export function problem(
  status: number,
  title: string,
  detail?: string,
  headers: Record<string, string> = {},
  extra: Record<string, unknown> = {},
): Response {
  const type = `https://diachiso.dev/problems/${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return HttpResponse.json(
    { type, title, status, ...(detail ? { detail } : {}), ...extra },
    { status, headers: { 'Content-Type': 'application/problem+json', ...headers } },
  );
}

/** A refusal of the mock itself (a full registry, a missing header): sent as a problem. @internal */
export class MockProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'MockProblem';
  }
}
