import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';
import { sessionExpired } from './auth/session.ts';
import { DataDirLockedError, lockDataDir } from './db/lock.ts';
import { rows } from './db/rows.ts';
import type { AppEnv } from './http/context.ts';
import { toCsv } from './http/csv.ts';
import { safeNext } from './http/flash.ts';
import { requestContext } from './http/middleware.ts';
import { handleError } from './http/on-error.tsx';
import { pageFrom } from './http/pagination.ts';
import { fieldErrors, optionalVnd, text } from './http/validation.ts';
import { formatDate, formatNumber, formatVnd, translator } from './i18n/index.ts';
import { fold, slugify } from './search/fold.ts';
import { searchTerm } from './search/search.ts';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await testRuntime();
});
afterAll(() => rt.close());

describe('Vietnamese text', () => {
  it('folds diacritics and đ the way the database does', async () => {
    expect(fold('Thạch đen Đình Lập')).toBe('thach den dinh lap');
    const [row] = await rows<{ x: string }>(rt.db, sql`select lower(f_unaccent(${'Thạch đen Đình Lập'})) as x`);
    expect(row?.x).toBe(fold('Thạch đen Đình Lập'));
    expect(slugify('Bún ngô Thuận Anh!')).toBe('bun-ngo-thuan-anh');
    expect(searchTerm('  Miến dong – lô “số 1”… ')).toBe('mien dong lo so 1');
  });

  it('formats numbers, money and dates the Vietnamese way, in Vietnam time', () => {
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatVnd(240000000)).toBe('240.000.000 ₫');
    expect(formatDate(new Date('2022-08-17T20:00:00Z'))).toBe('18/08/2022'); // already the 18th in Hà Nội
    expect(formatDate('2021-03-05')).toBe('05/03/2021');
  });

  it('keeps the text a person typed, tidied, and refuses mis-decoded text', () => {
    const schema = z.object({ name: text.required(20, 3) });
    expect(schema.parse({ name: '  Na Chi Lăng\u0000 ' }).name).toBe('Na Chi Lăng');
    const t = translator('vi');
    const bad = schema.safeParse({ name: 'Bún ngÃ´' });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(fieldErrors(bad.error, t).name).toContain('Unicode');
    const long = schema.safeParse({ name: 'x'.repeat(21) });
    if (!long.success) expect(fieldErrors(long.error, translator('en')).name).toBe('Enter no more than 20 characters.');
  });
});

describe('HTTP helpers', () => {
  it('a duplicate refused by the database is a 409 with a Vietnamese message, not a 500', async () => {
    const app = new Hono<AppEnv>();
    app.use(requestContext(rt.deps));
    app.get('/twice', async (c) => {
      await rt.db.execute(
        sql`INSERT INTO former_district (province, slug, name) VALUES ('test', 'hai-lan', 'Hai lần')`,
      );
      await rt.db.execute(
        sql`INSERT INTO former_district (province, slug, name) VALUES ('test', 'hai-lan', 'Hai lần')`,
      );
      return c.text('unreachable');
    });
    app.onError(handleError);
    const res = await app.request('/twice');
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('Dữ liệu vừa bị thay đổi hoặc đã tồn tại');
  });

  it('never redirects to another site', () => {
    expect(safeNext('/du-an?page=2')).toBe('/du-an?page=2');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
  });

  it('reads page numbers defensively', () => {
    expect(pageFrom('3', 20).offset).toBe(40);
    expect(pageFrom('-1').page).toBe(1);
    expect(pageFrom('1e9').page).toBe(10_000);
  });

  it('CSV opens in Excel with Vietnamese intact and never runs formulas', () => {
    const csv = toCsv(['Dự án'], [['=HYPERLINK("x")'], ['Thạch đen']]);
    expect(csv.startsWith('\uFEFFDự án')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('answers /healthz and unknown pages with a Vietnamese 404', async () => {
    expect((await rt.app.request('/healthz')).status).toBe(200);
    const res = await rt.app.request('/khong-co-trang-nay');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Không tìm thấy trang');
    const api = await rt.app.request('/api/v1/khong-co');
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('gzips pages for browsers that accept it, and says so to caches', async () => {
    const zipped = await rt.app.request('/du-an', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toContain('Accept-Encoding');
    const { gunzipSync } = await import('node:zlib');
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString()).toContain('<!doctype html>');
    // the length sent is the compressed length, or a browser waits for bytes that never come
    const css = await rt.app.request('/static/app.css', { headers: { 'accept-encoding': 'gzip' } });
    const cssBytes = (await css.arrayBuffer()).byteLength;
    expect(css.headers.get('content-encoding')).toBe('gzip');
    expect(css.headers.get('content-length') ?? String(cssBytes)).toBe(String(cssBytes));
    const plain = await rt.app.request('/du-an');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toContain('<!doctype html>');
  });

  it('refuses a body over the limit with 413, not a crash', async () => {
    const big = 'x'.repeat(rt.deps.config.BODY_LIMIT_BYTES + 10);
    const res = await rt.app.request('/dang-nhap', {
      method: 'POST',
      body: big,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(big.length) },
    });
    expect(res.status).toBe(413);
  });

  it('the language switch remembers English', async () => {
    const res = await rt.app.request('/ngon-ngu/en?next=/du-an');
    expect(res.status).toBe(303);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toContain('kn_lang=en');
    const page = await (await rt.app.request('/du-an', { headers: { cookie: 'kn_lang=en' } })).text();
    expect(page).toContain('lang="en"');
    expect(page).toContain('Tiếng Việt');
  });
});

describe('sessions, locks and the audit log', () => {
  it('staff sessions end sooner than founders’', () => {
    const now = new Date('2026-01-01T12:00:00Z');
    const twoHoursIdle = { createdAt: new Date('2026-01-01T09:00:00Z'), updatedAt: new Date('2026-01-01T10:00:00Z') };
    expect(sessionExpired('officer', twoHoursIdle, now)).toBe(true);
    expect(sessionExpired('founder', twoHoursIdle, now)).toBe(false);
    const old = { createdAt: new Date('2025-11-01T00:00:00Z'), updatedAt: new Date('2026-01-01T11:59:00Z') };
    expect(sessionExpired('founder', old, now)).toBe(true);
  });

  it('a second process on the same data folder fails fast with a clear message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kn-lock-'));
    const unlock = lockDataDir(dir);
    // a live process (our parent) holds it
    writeFileSync(join(dir, 'ket-noi.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    // a dead process's lock is taken over
    writeFileSync(join(dir, 'ket-noi.lock'), '999999');
    const again = lockDataDir(dir);
    again();
    unlock();
  });

  it('the audit log refuses updates and deletes', async () => {
    await rt.db.execute(sql`INSERT INTO audit_log (action, entity) VALUES ('test.write', 'test')`);
    await expect(rt.db.execute(sql`UPDATE audit_log SET action = 'changed'`)).rejects.toThrow();
    await expect(rt.db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
  });
});

describe('amounts of đồng as people type them', () => {
  const price = optionalVnd(0, 1_000_000_000);
  it('reads dots and spaces as thousands separators, with or without the currency', () => {
    for (const typed of ['95.000', '95 000', '95000', '95.000 đ', '95.000₫'])
      expect(price.parse(typed), typed).toBe(95_000);
    expect(price.parse('1.250.000')).toBe(1_250_000);
    expect(price.parse('')).toBeUndefined();
  });
  it('refuses what is not a whole amount', () => {
    expect(price.safeParse('95,5').success).toBe(false);
    expect(price.safeParse('9.5').success).toBe(false);
    expect(price.safeParse('-1').success).toBe(false);
  });
});
