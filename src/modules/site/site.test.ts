import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '#src/testing/browser.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await testRuntime({ demo: true });
}, 300_000);
afterAll(() => rt.close());

/** The text of one result group on the search page, from its heading to the next group. */
function group(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  if (start < 0) return '';
  const end = html.indexOf('<section', start);
  return html.slice(start, end < 0 ? undefined : end);
}

describe('site search', () => {
  it('finds the dried black jelly typed without accents, among products, and the projects, grouped', async () => {
    const html = await (await new TestBrowser(rt.app).get('/tim-kiem?q=thach+den')).text();
    expect(group(html, 'r-products')).toContain('Thạch đen khô Tràng Định');
    expect(group(html, 'r-projects')).toContain('Thạch đen Hồng Nhung');
    // No result starts with a stray separator.
    expect(html).not.toMatch(/<li>\s*·/);
  });

  it('finds experts, partners and events too', async () => {
    const b = new TestBrowser(rt.app);
    expect(group(await (await b.get('/tim-kiem?q=sieu+thi')).text(), 'r-partners')).toContain('Happy mart');
    expect(group(await (await b.get('/tim-kiem?q=nhan+hieu')).text(), 'r-events')).toContain('nhãn hiệu');
  });

  it('says so, with a way on, when nothing matches', async () => {
    const html = await (await new TestBrowser(rt.app).get('/tim-kiem?q=zzzzqqq')).text();
    expect(html).toContain('Không tìm thấy gì cho “zzzzqqq”.');
  });
});

describe('home page', () => {
  it('names the Department and shows upcoming events and products with pictures', async () => {
    const html = await (await new TestBrowser(rt.app).get('/')).text();
    expect(html).toContain('Sở Khoa học và Công nghệ tỉnh Lạng Sơn');
    expect(group(html, 'upcoming')).toContain('/su-kien/');
    expect(group(html, 'featured')).toMatch(/<img src="\/anh-san-pham\//);
  });
});
