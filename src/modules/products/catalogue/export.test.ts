import { unzipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '#kernel/auth/roles.ts';
import { createProject } from '#modules/projects/index.ts';
import { createUser } from '#seed/factories.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';
import { requiredItems } from '../products.taxonomy.ts';
import { exportProducts } from './export.service.ts';
import { product, readinessItem } from './products.sql.ts';

// "Today" in an export is the day in Vietnam (UTC+7): between 00:00 and 07:00 there, the UTC day
// is still yesterday.

let rt: TestRuntime;
let officer: Actor;
let productId = '';

beforeAll(async () => {
  rt = await testRuntime();
  const founder = await createUser(rt.deps, { name: 'Hoàng Thị Nhung', email: 'nhung@xuat.vn', role: 'founder' });
  officer = await createUser(rt.deps, { name: 'Lương Thu Hà', email: 'canbo@xuat.vn', role: 'officer' });
  const project = await createProject({
    db: rt.db,
    actor: founder,
    input: {
      name: 'Thạch đen Hồng Nhung',
      summary: 'Thạch đen Tràng Định đóng cốc.',
      description: '',
      type: 'product',
      field: 'food',
      stage: 'market',
      commune: 'that-khe',
      members: [],
      needs: [],
      awards: [],
      links: [],
      consentToPublish: true,
      isPublic: true,
    },
  });
  const [row] = await rt.db
    .insert(product)
    .values({ projectId: project.id, slug: 'thach-den-coc', name: 'Thạch đen đóng cốc', category: 'food' })
    .returning({ id: product.id });
  productId = row?.id ?? '';
  // Every required paper done and checked; the food safety certificate runs out on 31 December 2025.
  await rt.db.insert(readinessItem).values(
    requiredItems.map((item) => ({
      productId,
      item,
      status: 'done',
      expiresOn: item === 'food_safety' ? '2025-12-31' : null,
      verifiedAt: new Date('2025-06-01T03:00:00Z'),
    })),
  );
});
afterEach(() => vi.useRealTimers());
afterAll(() => rt.close());

describe('the export counts days in Vietnam', () => {
  it('at 02:00 on 1 January in Vietnam (19:00 UTC on 31 December) the export is dated 1 January', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-12-31T19:00:00Z'));
    const zip = await exportProducts({
      db: rt.db,
      actor: officer,
      ids: [productId],
      baseUrl: 'http://localhost',
      province: 'Lạng Sơn',
    });
    vi.useRealTimers();
    const files = unzipSync(zip);
    const readme = new TextDecoder().decode(files['README.txt']);
    expect(readme).toContain('Xuất ngày 2026-01-01');
    const json = JSON.parse(new TextDecoder().decode(files['san-pham.json'])) as {
      products: { readiness: { ready: boolean; readyUntil: string | null } }[];
    };
    // The certificate that ran out yesterday (in Vietnam) no longer makes the product ready.
    expect(json.products[0]?.readiness).toMatchObject({ ready: false, readyUntil: '2025-12-31' });
  });
});
