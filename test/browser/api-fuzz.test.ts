/**
 * Bad input to every data endpoint (issue 19): property-based requests (fast-check) with random, hostile and
 * out-of-range values for each declared parameter and path id answer 200 or 400 with a JSON message naming the
 * parameter, never a 5xx and never a DuckDB message or file path; and each client is rate-limited (429 with
 * Retry-After) once it exceeds its budget. The endpoints and their parameters come from the server's own index
 * (/api), so a new endpoint is fuzzed without editing this file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { REPO, startServer, testWarehouse, type Server } from './harness.ts';

let server: Server;
let wh: Awaited<ReturnType<typeof testWarehouse>>;
let index: { path: string; roles: string[]; params: Record<string, string> }[] = [];

beforeAll(async () => {
  wh = await testWarehouse();
  server = await startServer(wh.file);
  index = ((await (await fetch(`${server.url}/api`)).json()) as { endpoints: typeof index }).endpoints;
});

afterAll(async () => {
  await server?.stop();
  wh?.cleanup();
});

/** values a careless or hostile client sends: random text, numbers, dates of every form, SQL, huge, control chars */
const hostile = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer({ min: -99999, max: 99999 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 })).map(([y, m]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`),
  fc.constantFrom("' OR 1=1 --", '"; DROP TABLE unit; --', '%00', '../../etc/passwd', 'NaN', 'Infinity', '1e309', '', ' ', '2024-06-31', '2024-6', '13/2024'),
  fc.string({ minLength: 200, maxLength: 400 }),
);

async function request(path: string): Promise<{ status: number; body: string; type: string }> {
  const res = await server.fetch(path);
  return { status: res.status, body: res.status === 200 ? '' : await res.text(), type: res.headers.get('content-type') ?? '' };
}

describe('every data endpoint under random parameters', () => {
  it('answers 200 or 400 naming the parameter; never 5xx, a DuckDB message or a file path', async () => {
    const endpoints = index.filter((e) => e.roles.includes('pimpinan'));
    expect(endpoints.length).toBeGreaterThan(20);
    let requests = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...endpoints),
        hostile,
        fc.dictionary(fc.constantFrom('month', 'lang', 'region', 'year', 'rule', 'title', 'level', 'outcome', 'format', 'id'), hostile, { maxKeys: 3 }),
        async (e, id, params) => {
          const names = new Set([...Object.keys(e.params), 'format']);
          const query = new URLSearchParams(Object.entries(params).filter(([k]) => names.has(k)));
          const pathId = encodeURIComponent(id || 'x');
          const path = e.path.replace(/\{(id|ref)\}/g, pathId) + (query.size ? `?${query}` : '');
          const r = await request(path);
          requests++;
          expect(r.status, path).toBeLessThan(500);
          expect([200, 400, 404], path).toContain(r.status);
          if (r.status === 400) {
            refused++;
            expect(r.type, path).toMatch(/application\/json/);
            const body = JSON.parse(r.body) as { error: string; param: string; message: string };
            expect(body.error, path).toBe('bad_request');
            expect(body.message, path).toContain(`\`${body.param}\``);
          }
          expect(r.body, path).not.toMatch(/duckdb|Binder Error|Parser Error|Catalog Error|Conversion Error/i);
          expect(r.body, path).not.toContain(REPO);
        },
      ),
      { numRuns: 400, seed: 19 },
    );
    expect(requests).toBe(400);
    // the generator does reach the checks (most random values are refused)
    expect(refused).toBeGreaterThan(100);
  }, 300_000);

  it('the server logged no unexpected error while being fuzzed', () => {
    // lib/server/log.ts writes every unexpected server error as "[seimbang] <kind>: …"
    expect(server.logs.join('').split('\n').filter((l) => l.startsWith('[seimbang] ') && /error|Error/.test(l))).toEqual([]);
  });
});

describe('per-client rate limit', () => {
  it('a client over its budget gets 429 with Retry-After and a JSON message; the budget refills', async () => {
    const limited = await startServer(wh.file, { env: { SEIMBANG_RATE_PER_SECOND: '1', SEIMBANG_RATE_BURST: '5' } });
    try {
      const statuses: number[] = [];
      let refusal: Response | null = null;
      for (let i = 0; i < 8; i++) {
        const res = await fetch(`${limited.url}/api/months`);
        statuses.push(res.status);
        if (res.status === 429) refusal ??= res;
        else await res.arrayBuffer();
      }
      // the harness waited for /api once at start-up: that took one token of the burst of 5
      expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(5);
      expect(statuses.slice(-2)).toEqual([429, 429]);
      expect(Number(refusal!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(((await refusal!.json()) as { error: string }).error).toBe('rate_limited');
      await new Promise((r) => setTimeout(r, 2100));
      expect((await fetch(`${limited.url}/api/months`)).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });
});
