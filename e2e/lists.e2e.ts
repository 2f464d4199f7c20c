import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { defaultPassword } from '../src/seed/factories.ts';
import { launchBrowser, newPage, phone } from './browser.ts';
import { signIn, visit } from './journeys.ts';

// On a 360 px phone a list page with 20 rows must fit in three screens (3 × 740 = 2,220 px),
// header, filters, pagination and footer included. The demo data do not have 20 rows in every
// list: the height is taken with the rows there are, and the rows are scaled to 20 (the list's
// own height × 20 / rows), which is exact for a list of equal rows and errs on the tall side
// when a list's few rows are its tallest. The height is the page's content, not the window:
// a short page would otherwise count the empty screen below it as page.

const budget = 3 * phone.height;
const rowSelector = 'main :is(table.table > tbody > tr, ul.rows > li, ul.product-grid > li, li.board-card)';

const browser = await launchBrowser();
afterAll(async () => {
  await browser.close();
});

interface Measure {
  height: number;
  rows: number;
  list: number;
}

async function measure(page: Page): Promise<Measure> {
  return page.evaluate((selector) => {
    const rows = [...document.querySelectorAll<HTMLElement>(selector)];
    const boxes = rows.map((r) => r.getBoundingClientRect());
    const top = Math.min(...boxes.map((b) => b.top));
    const bottom = Math.max(...boxes.map((b) => b.bottom));
    return {
      // The page's own height: a page shorter than the screen is not stretched to the screen.
      height: Math.max(document.body.getBoundingClientRect().height, bottom),
      rows: rows.length,
      list: rows.length ? bottom - top : 0,
    };
  }, rowSelector);
}

const lists: { who: string | null; paths: string[] }[] = [
  { who: null, paths: ['/du-an', '/san-pham', '/su-kien?when=past', '/chuyen-gia', '/doi-tac'] },
  { who: 'tacgia@ketnoi.demo', paths: ['/du-an/cua-toi', '/yeu-cau', '/su-kien/cua-toi'] },
  {
    who: 'canbo@ketnoi.demo',
    paths: [
      '/quan-ly/yeu-cau?view=all',
      '/ho-tro',
      '/tu-van',
      '/hoi-mua',
      '/su-kien-ngoai',
      '/ket-noi-tieu-thu',
      '/quan-ly/nguoi',
      '/quan-ly/bao-cao/chi-tieu/nguoi-duoc-dao-tao?from=2021-01-01&to=2022-07-31',
    ],
  },
  { who: 'quantri@ketnoi.demo', paths: ['/quan-tri/tai-khoan', '/quan-tri/hop-thu', '/quan-tri/nhat-ky'] },
];

describe.each(lists)('list pages on a 360 px phone, as $who', ({ who, paths }) => {
  test.each(paths)('%s with 20 rows is at most three screens tall', async (path) => {
    const { context, page } = await newPage(browser, { viewport: phone });
    try {
      if (who) await signIn(page, who, defaultPassword, { a11y: false });
      await visit(page, path);
      const m = await measure(page);
      expect(m.rows, `${path} shows no rows to measure`).toBeGreaterThan(0);
      const with20 = Math.round(m.height - m.list + (m.list * 20) / m.rows);
      expect(
        with20,
        `${path}: ${m.height} px with ${m.rows} rows (${Math.round(m.list)} px of rows) → ${with20} px with 20`,
      ).toBeLessThanOrEqual(budget);
    } finally {
      await context.close();
    }
  });
});
