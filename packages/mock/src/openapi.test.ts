// The mock platform conforms to the OpenAPI contract in docs/openapi.yaml: every path of the
// contract has a handler, and the mock's answers validate against the response schemas.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setupServer } from 'msw/node';
import { parse } from 'yaml';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { createHandlers } from './index.js';

const BASE = 'https://openapi.test';
const spec = parse(readFileSync(new URL('../../../docs/openapi.yaml', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }>; $ref?: string }> }>>;
  components: { responses: Record<string, { content: Record<string, { schema: unknown }> }> };
};
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema({ ...spec, $id: 'openapi' } as object);
const server = setupServer(...createHandlers({ baseUrl: BASE }));
before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => server.close());

function schemaFor(path: string, method: string, status: number) {
  const op = spec.paths[path]?.[method];
  assert.ok(op, `${method.toUpperCase()} ${path} is not in the contract`);
  let r = op.responses[String(status)];
  assert.ok(r, `${method.toUpperCase()} ${path} has no ${status} response in the contract`);
  if (r.$ref) r = spec.components.responses[r.$ref.split('/').pop()!]!;
  const media = r.content?.['application/json'] ?? r.content?.['application/problem+json'];
  return JSON.parse(JSON.stringify(media!.schema).replace(/"#\/components/g, '"openapi#/components'));
}

async function check(method: 'get' | 'post', template: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(BASE + url, {
    method: method.toUpperCase(),
    headers: { ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = await res.json();
  const validate = ajv.compile(schemaFor(template, method, res.status));
  assert.ok(validate(json), `${method.toUpperCase()} ${url} → ${res.status}: ${ajv.errorsText(validate.errors)}`);
  return { status: res.status, json };
}

test('every path of the contract is served by the mock', async () => {
  for (const [path, ops] of Object.entries(spec.paths))
    for (const method of Object.keys(ops)) {
      const url = path.replace('{id}', 'x').replace('{code}', '56').replace('{category}', 'health');
      const res = await fetch(BASE + url, {
        method: method.toUpperCase(),
        headers: { 'Idempotency-Key': 'conformance-1', 'Content-Type': 'application/json' },
        body: method === 'post' ? '{}' : null,
      });
      assert.notEqual(res.status, 501, `${method} ${path}`);
    }
});

test('answers validate against the contract’s schemas', async () => {
  await check('get', '/v1/health', '/v1/health');
  await check('get', '/v1/suggest', '/v1/suggest?q=vinh%20hai&limit=5');
  await check('get', '/v1/suggest', '/v1/suggest?q=a&limit=999');
  await check('get', '/v1/search', '/v1/search?q=tran%20phu');
  await check('get', '/v1/places/{id}', '/v1/places/ward%3A22333');
  await check('get', '/v1/places/{id}', '/v1/places/nope');
  await check('post', '/v1/verify', '/v1/verify', { text: '12 Trần Phú, P. Vĩnh Hải, TP. Nha Trang' });
  await check('post', '/v1/verify', '/v1/verify', { components: { ward: 'Vĩnh Hải', district: 'Nha Trang' } });
  await check('get', '/v1/reverse', '/v1/reverse?lat=12.2388&lon=109.1967');
  await check('get', '/v1/reverse', '/v1/reverse?lat=21&lon=105.8');
  await check('get', '/v1/reverse', '/v1/reverse?lat=12.2388&lon=109.1967&streets=2&pois=4&radius=1500&category=food');
  await check('get', '/v1/codes/encode', '/v1/codes/encode?lat=12.24579&lon=109.19533');
  await check('get', '/v1/codes/encode', '/v1/codes/encode?lat=21&lon=105.8');
  await check('get', '/v1/codes/parse', '/v1/codes/parse?q=224O2%2065ww848');
  await check('get', '/v1/codes/parse', '/v1/codes/parse?q=nope');
  await check('get', '/v1/codes/parse', '/v1/codes/parse?q=5713312345');
  await check('get', '/v1/codes/parse', '/v1/codes/parse?q=57133A2345');
  await check('get', '/v1/codes/parse', '/v1/codes/parse?q=7P4F65WW%2B848');
  await check('get', '/v1/codes/ndas/{code}', '/v1/codes/ndas/5713399999');
  await check('get', '/v1/codes/ndas/{code}', '/v1/codes/ndas/571');
  await check('get', '/v1/codes/{code}', '/v1/codes/2236665WW848');
  await check('get', '/v1/codes/{code}', '/v1/codes/bad');
  assert.match(
    ((await check('get', '/v1/codes/{code}', '/v1/codes/5713300001')).json as { detail: string }).detail,
    /national address code/,
  );
  await check('get', '/v1/units/provinces', '/v1/units/provinces');
  await check('get', '/v1/units/provinces/{code}/wards', '/v1/units/provinces/56/wards');
  await check('get', '/v1/units/wards/{code}', '/v1/units/wards/22736');
  await check('get', '/v1/legacy/convert', '/v1/legacy/convert?q=P.%20V%C4%A9nh%20H%E1%BA%A3i%2C%20TP.%20Nha%20Trang');
  await check('get', '/v1/layers/{category}', '/v1/layers/health');
  await check('get', '/v1/export', '/v1/export?province=56&limit=10');
  await check('get', '/v1/export', '/v1/export?format=csv&category=fuel');
  await check('get', '/v1/stats/coverage', '/v1/stats/coverage?province=56');
  const decl = {
    name: 'Nhà A',
    category: 'house',
    houseNumber: '12',
    street: 'Trần Phú',
    ward: { code: '22366', name: 'Phường Nha Trang' },
    province: { code: '56', name: 'Tỉnh Khánh Hòa' },
    location: { lat: 12.2388, lon: 109.1967 },
  };
  const d = await check('post', '/v1/registrations', '/v1/registrations', decl, { 'Idempotency-Key': 'conformance-declare' });
  assert.equal(d.status, 201);
  await check('post', '/v1/registrations', '/v1/registrations', { name: '' }, { 'Idempotency-Key': 'conformance-bad' });
  const id = (d.json as { id: string }).id;
  await check('post', '/v1/registrations/{id}/create', `/v1/registrations/${id}/create`, {}, { 'Idempotency-Key': 'conformance-create' });
  await check(
    'post',
    '/v1/registrations/{id}/verify',
    `/v1/registrations/${id}/verify`,
    { decision: 'approve' },
    { 'Idempotency-Key': 'conformance-verify' },
  );
  await check('get', '/v1/registrations/{id}', `/v1/registrations/${id}`);
  const created = (await (await fetch(`${BASE}/v1/registrations/${id}`)).json()) as { record: { code: string } };
  await check('get', '/v1/codes/ndas/{code}', `/v1/codes/ndas/${created.record.code}`);
  await check('get', '/v1/registrations/{id}/notice', `/v1/registrations/${id}/notice?channel=email&lang=en`);
});
