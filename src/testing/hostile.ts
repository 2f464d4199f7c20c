import fc from 'fast-check';

/**
 * Input no form sends: what the trust suite throws at forms and API routes. Each value is a
 * string as typed or pasted; `encodings` are the ways a body can arrive broken.
 */
export const hostileValues = [
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  '\u202Eđảo ngược\u202C',
  'مرحبا بالعالم',
  'שלום',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "javascript:alert('x')",
  '=HYPERLINK("https://evil.example","bấm")',
  '=1+2',
  '+84 912 345 678',
  '@SUM(A1:A9)',
  '-2+3',
  '2022-02-30',
  '2025-13-01',
  '0000-00-00',
  '31/02/2024',
  '-1',
  '-999999999999999999999999',
  '1e309',
  'NaN',
  '0x10',
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  '../../../../etc/passwd',
  '%00',
  '%E0%A4%A',
  'null',
  'undefined',
  '{"__proto__":{"admin":true}}',
  'Thạch đen Tràng Định',
  'e\u0301\u0301\u0301\u0301',
  '\u200B\u200B\u200B',
  '🍯🍯🍯',
  '\uD800',
  'a\r\nSet-Cookie: x=1',
  'x'.repeat(5_000),
] as const;

/** A value for one field: one of the above, a generated string (any code unit), or a number. */
export const hostileValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...hostileValues) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
);

/** How the body travels: well-formed, or broken the ways the probes broke it. */
export const encodings = [
  'urlencoded',
  'multipart',
  'multipart-no-boundary',
  'multipart-wrong-boundary',
  'multipart-truncated',
  'bad-utf8',
  'huge',
] as const;
export type Encoding = (typeof encodings)[number];

/** A hostile submission of a form with these fields (some left out, some repeated). */
export function hostileForm(fields: readonly string[]) {
  return fc.record({
    values: fc.record(
      Object.fromEntries(fields.map((f) => [f, hostileValue])) as Record<string, fc.Arbitrary<string>>,
      {
        requiredKeys: [],
      },
    ),
    repeated: fc.subarray([...fields], { maxLength: 2 }),
    encoding: fc.constantFrom(...encodings),
  });
}
export type HostileSubmission = ReturnType<typeof hostileForm> extends fc.Arbitrary<infer T> ? T : never;

const enc = (s: string) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, '\uFFFD'));

/**
 * The request body and headers for a submission, with the CSRF token (as a field, and as the
 * header the API reads).
 */
export function hostileBody(s: HostileSubmission, csrf: string): { body: BodyInit; headers: Record<string, string> } {
  const pairs: [string, string][] = [['_csrf', csrf]];
  for (const [k, v] of Object.entries(s.values)) pairs.push([k, v ?? '']);
  for (const k of s.repeated) pairs.push([k, s.values[k] ?? 'x']);
  const headers: Record<string, string> = { 'x-csrf-token': csrf };
  switch (s.encoding) {
    case 'urlencoded':
    case 'bad-utf8':
    case 'huge': {
      let body = pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
      if (s.encoding === 'bad-utf8') body += `&${enc(pairs[1]?.[0] ?? 'q')}=%C3%28%FF%FE%E0%A4%A`;
      if (s.encoding === 'huge') body += `&${enc(pairs[1]?.[0] ?? 'q')}=${'A'.repeat(3_000_000)}`;
      return { body, headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' } };
    }
    case 'multipart': {
      const form = new FormData();
      for (const [k, v] of pairs) form.append(k, v);
      return { body: form, headers };
    }
    default: {
      const part = pairs
        .map(([k, v]) => `--b0undary\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
        .join('');
      const full = `${part}--b0undary--\r\n`;
      const type =
        s.encoding === 'multipart-no-boundary'
          ? 'multipart/form-data'
          : s.encoding === 'multipart-wrong-boundary'
            ? 'multipart/form-data; boundary=another'
            : 'multipart/form-data; boundary=b0undary';
      const body = s.encoding === 'multipart-truncated' ? full.slice(0, Math.max(12, full.length >> 1)) : full;
      return { body, headers: { ...headers, 'content-type': type } };
    }
  }
}

/** A hostile query string for these parameters (values percent-encoded, some bytes left broken). */
export function hostileQuery(params: readonly string[]) {
  return fc
    .record({
      values: fc.record(
        Object.fromEntries(params.map((p) => [p, hostileValue])) as Record<string, fc.Arbitrary<string>>,
        { requiredKeys: [] },
      ),
      broken: fc.boolean(),
    })
    .map(({ values, broken }) => {
      const parts = Object.entries(values).map(([k, v]) => `${k}=${enc(v ?? '')}`);
      if (broken && params[0]) parts.push(`${params[0]}=%E0%A4%A%00`);
      return parts.length ? `?${parts.join('&')}` : '';
    });
}

/** A JSON body for an API route: an object of hostile values, or not an object, or not JSON. */
export function hostileJson(fields: readonly string[]) {
  const value = fc.oneof(
    hostileValue,
    fc.integer(),
    fc.constant(-1),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(hostileValue, { maxLength: 3 }),
  );
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .record(Object.fromEntries(fields.map((f) => [f, value])), { requiredKeys: [] })
        .map((o) => JSON.stringify(o)),
    },
    { weight: 1, arbitrary: fc.constantFrom('', 'null', '[]', '"x"', '{', '{"a":1,}', '\u0000', '{"title":"\uD800"}') },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  );
}

/**
 * How many inputs each form or API route gets: 300 in `npm run test:trust` (TRUST_RUNS), a
 * sample of 40 in `npm test` to keep it quick.
 */
export const hostileRuns = Number(process.env.TRUST_RUNS) || 40;

/** What a hostile run saw: every status, and how many submissions were saved (2xx/303). */
export interface HostileTally {
  statuses: Map<number, number>;
  saved: number;
}

/**
 * Sends `runs` generated submissions through `send` (fast-check, seeded so a failure repeats),
 * failing on the first 5xx, which fast-check then shrinks to the smallest input that causes it.
 * @example const tally = await hostileRun(hostileForm(['name']), (s) => b.request('/x', { method: 'POST', ...hostileBody(s, token) }))
 */
export async function hostileRun<T>(
  arbitrary: fc.Arbitrary<T>,
  send: (input: T) => Promise<Response>,
  { runs = hostileRuns, seed = 20260514 }: { runs?: number; seed?: number } = {},
): Promise<HostileTally> {
  const tally: HostileTally = { statuses: new Map(), saved: 0 };
  await fc.assert(
    fc.asyncProperty(arbitrary, async (input) => {
      const res = await send(input);
      await res.arrayBuffer();
      tally.statuses.set(res.status, (tally.statuses.get(res.status) ?? 0) + 1);
      if (res.status < 400) tally.saved++;
      if (res.status >= 500) throw new Error(`${res.status} for ${JSON.stringify(input).slice(0, 300)}`);
    }),
    { numRuns: runs, seed, endOnFailure: false },
  );
  return tally;
}
