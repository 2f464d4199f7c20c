import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '#kernel/http/errors.ts';
import {
  brokenPdfBytes,
  exeBytes,
  fileOf,
  hugePngHeader,
  pdfBytes,
  photoWithGps,
  pngBytes,
} from '#src/testing/files.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';
import { cleanFileName, loadFile, MB, readUpload, saveFile } from './files.ts';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await testRuntime();
});
afterAll(() => rt.close());

async function refusal(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof AppError) return e.fields.file;
    throw e;
  }
  return undefined;
}

describe('uploads are checked by their content', () => {
  it('keeps a real PDF as it is, whatever its name says', async () => {
    const upload = await readUpload(fileOf(pdfBytes(), 'Giấy chứng nhận ATTP.pdf', 'image/png'), 'file', {
      accept: 'document',
      maxBytes: 5 * MB,
    });
    expect(upload.mime).toBe('application/pdf');
    expect(upload.name).toBe('Giấy chứng nhận ATTP.pdf');
  });

  it('refuses a program renamed .pdf, a half PDF, an empty file and a file over the limit', async () => {
    expect(
      await refusal(
        readUpload(fileOf(exeBytes(), 'hoa-don.pdf', 'application/pdf'), 'file', { accept: 'document', maxBytes: MB }),
      ),
    ).toBe('v.fileType');
    expect(
      await refusal(readUpload(fileOf(brokenPdfBytes(), 'a.pdf'), 'file', { accept: 'document', maxBytes: MB })),
    ).toBe('v.fileBroken');
    expect(
      await refusal(readUpload(fileOf(new Uint8Array(), 'a.pdf'), 'file', { accept: 'document', maxBytes: MB })),
    ).toBe('v.fileEmpty');
    expect(
      await refusal(readUpload(fileOf(new Uint8Array(2 * MB), 'a.pdf'), 'file', { accept: 'document', maxBytes: MB })),
    ).toBe('v.fileTooLarge');
  });

  it('refuses a PDF where only images are accepted, and a PNG too large to decode safely', async () => {
    expect(await refusal(readUpload(fileOf(pdfBytes(), 'anh.jpg'), 'file', { accept: 'image', maxBytes: MB }))).toBe(
      'v.fileNotImage',
    );
    expect(
      await refusal(readUpload(fileOf(hugePngHeader(), 'anh.png'), 'file', { accept: 'image', maxBytes: MB })),
    ).toBe('v.imageTooManyPixels');
  });

  it('re-encodes photos: resized, JPEG, and the GPS position is gone', async () => {
    const original = await photoWithGps(3000, 2000);
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const upload = await readUpload(fileOf(original, 'ảnh sản phẩm.png'), 'file', {
      accept: 'image',
      maxBytes: 10 * MB,
      maxSide: 1600,
    });
    const meta = await sharp(upload.bytes).metadata();
    expect(meta.format).toBe('jpeg');
    expect([meta.width, meta.height]).toEqual([1600, 1067]);
    expect(meta.exif).toBeUndefined();
    expect(upload.name).toBe('ảnh sản phẩm.jpg');
    const png = await readUpload(fileOf(await pngBytes(), 'logo.png'), 'file', { accept: 'image', maxBytes: MB });
    expect(png.mime).toBe('image/jpeg');
  });

  it('stores and reads back the same bytes', async () => {
    const upload = await readUpload(fileOf(pdfBytes('Hop dong'), 'hợp đồng.pdf'), 'file', {
      accept: 'document',
      maxBytes: MB,
    });
    const saved = await saveFile(rt.db, upload, null);
    const loaded = await loadFile(rt.db, saved.id);
    expect(loaded?.name).toBe('hợp đồng.pdf');
    expect(Buffer.from(loaded?.content ?? new Uint8Array()).equals(Buffer.from(upload.bytes))).toBe(true);
    expect(await loadFile(rt.db, 'not-an-id')).toBeNull();
  });

  it('cleans file names: no folders, no header-breaking characters', () => {
    expect(cleanFileName('C:\\Users\\a\\Desktop\\"báo cáo".pdf', 'pdf')).toBe('báo cáo.pdf');
    expect(cleanFileName('   ', 'pdf')).toBe('tep.pdf');
  });
});
