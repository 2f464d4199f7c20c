import { asc, inArray } from 'drizzle-orm';
import type { Actor } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { loadFile } from '#kernel/files/files.ts';
import { type ZipEntry, zip } from '#kernel/files/zip.ts';
import { toCsv } from '#kernel/http/csv.ts';
import { AppError } from '#kernel/http/errors.ts';
import { todayInVietnam, translator } from '#kernel/i18n/index.ts';
import { labelOf } from '#kernel/ui/labels.ts';
import { communesOf } from '#modules/places/index.ts';
import { projectNameOf, projectSummaries } from '#modules/projects/index.ts';
import { readinessItems } from '../products.taxonomy.ts';
import { readinessSummary } from '../readiness/readiness.ts';
import { assertStaff } from './products.service.ts';
import { product, productImage, productListing, readinessItem } from './products.sql.ts';

/** The export's format: products.json says which version it follows (see docs/decisions/0010-products.md). */
export const EXPORT_FORMAT = { name: 'ket-noi-products', version: 1 } as const;
export const MAX_EXPORT = 200;

const vi = translator('vi');

export interface ExportedProduct {
  id: string;
  slug: string;
  url: string;
  name: string;
  category: string;
  categoryLabel: string;
  description: string;
  unit: string;
  priceMinVnd: number | null;
  priceMaxVnd: number | null;
  minOrder: string;
  capacity: string;
  ocop: { stars: number; certificateNo: string; expiresOn: string | null } | null;
  producer: { name: string; url: string; commune: string | null; province: string };
  readiness: {
    ready: boolean;
    readyUntil: string | null;
    items: {
      item: string;
      label: string;
      status: string;
      variant: string;
      number: string;
      issuedOn: string | null;
      expiresOn: string | null;
      verified: boolean;
    }[];
  };
  listings: { platform: string; url: string; listedOn: string; status: string }[];
  images: string[];
}

const columns = [
  ['name', 'Tên sản phẩm'],
  ['category', 'Nhóm sản phẩm'],
  ['description', 'Mô tả'],
  ['unit', 'Đơn vị tính'],
  ['priceMinVnd', 'Giá thấp nhất (đồng)'],
  ['priceMaxVnd', 'Giá cao nhất (đồng)'],
  ['minOrder', 'Đơn hàng tối thiểu'],
  ['capacity', 'Năng lực sản xuất'],
  ['ocopStars', 'Hạng OCOP (sao)'],
  ['ocopCertificateNo', 'Số giấy chứng nhận OCOP'],
  ['producer', 'Chủ thể sản xuất'],
  ['commune', 'Xã, phường'],
  ['ready', 'Đủ điều kiện lưu thông'],
  ['missing', 'Còn thiếu'],
  ['url', 'Trang sản phẩm'],
  ['images', 'Ảnh (trong thư mục anh/)'],
] as const;

function rowOf(p: ExportedProduct, missing: string[]): (string | number | null)[] {
  const cells: Record<(typeof columns)[number][0], string | number | null> = {
    name: p.name,
    category: p.categoryLabel,
    description: p.description,
    unit: p.unit,
    priceMinVnd: p.priceMinVnd,
    priceMaxVnd: p.priceMaxVnd,
    minOrder: p.minOrder,
    capacity: p.capacity,
    ocopStars: p.ocop?.stars ?? null,
    ocopCertificateNo: p.ocop?.certificateNo ?? '',
    producer: p.producer.name,
    commune: p.producer.commune,
    ready: p.readiness.ready ? 'Có' : 'Chưa',
    missing: missing.join('; '),
    url: p.url,
    images: p.images.join('; '),
  };
  return columns.map(([k]) => cells[k]);
}

const readme = (
  count: number,
  when: string,
  source: string,
) => `Kết Nối — gói dữ liệu sản phẩm (${EXPORT_FORMAT.name}, phiên bản ${EXPORT_FORMAT.version})
Xuất ngày ${when} từ ${source}: ${count} sản phẩm.

Các tệp trong gói:
- san-pham.json: dữ liệu đầy đủ, mỗi sản phẩm một đối tượng (mô tả trường ở dưới). Mã hóa UTF-8.
- san-pham.csv: một dòng cho mỗi sản phẩm (UTF-8 có BOM, mở được bằng Excel).
- san-pham.xlsx: cùng nội dung với tệp CSV.
- anh/: ảnh sản phẩm, JPEG, cạnh dài tối đa 1200 điểm ảnh, đã xóa thông tin vị trí (GPS).
  Tên ảnh: <mã sản phẩm>-<thứ tự>.jpg; ảnh số 1 là ảnh đại diện.

Trường trong san-pham.json (products[]):
- id, slug, url: mã, đường dẫn ngắn và trang công khai của sản phẩm.
- name, category (mã nhóm), categoryLabel, description, unit.
- priceMinVnd, priceMaxVnd: khoảng giá, đồng (số nguyên, có thể trống).
- minOrder, capacity: đơn hàng tối thiểu, năng lực sản xuất (văn bản).
- ocop: { stars 3–5, certificateNo, expiresOn yyyy-MM-dd } hoặc null.
- producer: { name, url, commune, province } — dự án, chủ thể sản xuất.
- readiness: { ready, readyUntil, items[] } — điều kiện lưu thông; mỗi mục có item, label, status
  (not_started | in_progress | done | not_applicable), variant, number, issuedOn, expiresOn,
  verified (cán bộ Sở đã kiểm tra giấy tờ).
- listings[]: { platform, url, listedOn, status } — các nền tảng sản phẩm đang có mặt.
- images[]: đường dẫn ảnh trong gói.
Giấy tờ đính kèm của sản phẩm không nằm trong gói: chúng chỉ dành cho nhóm tác giả và cán bộ Sở.
`;

/**
 * Staff export chosen products for a national platform: one ZIP with products.json (complete),
 * a CSV and an xlsx (one row each), the photos, and a README describing every field.
 */
export async function exportProducts({
  db,
  actor,
  ids,
  baseUrl,
  province,
  now = new Date(),
}: {
  db: Db;
  actor: Actor;
  ids: string[];
  baseUrl: string;
  province: string;
  /** The clock (tests); "today" is the day in Vietnam, not in UTC. */
  now?: Date;
}): Promise<Uint8Array> {
  assertStaff(actor);
  const wanted = [...new Set(ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id)))].slice(0, MAX_EXPORT);
  if (wanted.length === 0) throw new AppError('validation', 'products.export.none', { ids: 'products.export.none' });
  const products = await db.select().from(product).where(inArray(product.id, wanted)).orderBy(asc(product.name));
  const projects = await projectSummaries(
    db,
    products.map((p) => p.projectId),
  );
  const communes = await communesOf(
    db,
    [...projects.values()].map((p) => p.communeSlug),
  );
  const rows = products.flatMap((p) => {
    const producer = projects.get(p.projectId);
    if (!producer) return [];
    const communeName = (producer.communeSlug && communes.get(producer.communeSlug)?.name) || null;
    return [{ product: p, projectName: producer.name, projectSlug: producer.slug, communeName }];
  });
  const [lines, listings, images] = await Promise.all([
    db.select().from(readinessItem).where(inArray(readinessItem.productId, wanted)),
    db.select().from(productListing).where(inArray(productListing.productId, wanted)),
    db
      .select()
      .from(productImage)
      .where(inArray(productImage.productId, wanted))
      .orderBy(asc(productImage.position), asc(productImage.createdAt)),
  ]);
  const today = todayInVietnam(now);
  const entries: ZipEntry[] = [];
  const exported: ExportedProduct[] = [];
  const table: (string | number | null)[][] = [];
  for (const r of rows) {
    const p = r.product;
    const own = lines.filter((l) => l.productId === p.id);
    const summary = readinessSummary(own, today);
    const names: string[] = [];
    for (const image of images.filter((i) => i.productId === p.id)) {
      const file = await loadFile(db, image.fileId);
      if (!file) continue;
      const name = `anh/${p.slug}-${names.length + 1}.jpg`;
      names.push(name);
      entries.push({ name, data: file.content });
    }
    const item: ExportedProduct = {
      id: p.id,
      slug: p.slug,
      url: `${baseUrl}/san-pham/${p.slug}`,
      name: p.name,
      category: p.category,
      categoryLabel: labelOf(vi, 'products.category', p.category),
      description: p.description,
      unit: p.unit,
      priceMinVnd: p.priceMinVnd,
      priceMaxVnd: p.priceMaxVnd,
      minOrder: p.minOrder,
      capacity: p.capacity,
      ocop: p.ocopStars ? { stars: p.ocopStars, certificateNo: p.ocopCertificateNo, expiresOn: p.ocopExpiresOn } : null,
      producer: { name: r.projectName, url: `${baseUrl}/du-an/${r.projectSlug}`, commune: r.communeName, province },
      readiness: {
        ready: summary.ready,
        readyUntil: summary.readyUntil,
        items: readinessItems.map((code) => {
          const l = own.find((x) => x.item === code);
          return {
            item: code,
            label: labelOf(vi, 'products.item', code),
            status: l?.status ?? 'not_started',
            variant: l?.variant ?? '',
            number: l?.number ?? '',
            issuedOn: l?.issuedOn ?? null,
            expiresOn: l?.expiresOn ?? null,
            verified: Boolean(l?.verifiedAt),
          };
        }),
      },
      listings: listings
        .filter((l) => l.productId === p.id)
        .map((l) => ({ platform: l.platform, url: l.url, listedOn: l.listedOn, status: l.status })),
      images: names,
    };
    exported.push(item);
    table.push(
      rowOf(
        item,
        summary.missing.map((m) => labelOf(vi, 'products.item', m)),
      ),
    );
  }
  const header = columns.map(([, label]) => label);
  const ExcelJS = (await import('exceljs')).default;
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('San pham');
  sheet.addRow(header).font = { bold: true };
  for (const row of table) sheet.addRow(row);
  const xlsx = new Uint8Array(await book.xlsx.writeBuffer());
  const encode = (s: string) => new TextEncoder().encode(s);
  const json = {
    format: EXPORT_FORMAT.name,
    version: EXPORT_FORMAT.version,
    exportedAt: now.toISOString(),
    source: baseUrl,
    products: exported,
  };
  return zip([
    { name: 'README.txt', data: encode(readme(exported.length, today, baseUrl)) },
    { name: 'san-pham.json', data: encode(JSON.stringify(json, null, 2)) },
    { name: 'san-pham.csv', data: encode(toCsv(header, table)) },
    { name: 'san-pham.xlsx', data: xlsx },
    ...entries,
  ]);
}

/** Products staff may pick for an export: every product, newest first (with a search). */
export async function exportChoices(db: Db, actor: Actor) {
  assertStaff(actor);
  return db
    .select({
      id: product.id,
      name: product.name,
      slug: product.slug,
      projectName: projectNameOf(product.projectId),
      readyUntil: product.readyUntil,
    })
    .from(product)
    .orderBy(asc(projectNameOf(product.projectId)), asc(product.name))
    .limit(500);
}
