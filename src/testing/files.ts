import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

// Files for upload tests, made here (nothing downloaded): good ones and the kinds users send by mistake.

/** A small, whole PDF. */
export function pdfBytes(text = 'Giay chung nhan'): Uint8Array {
  const body = `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R>>endobj\n4 0 obj<</Length ${text.length + 24}>>stream\nBT /F1 12 Tf 20 100 Td (${text}) Tj ET\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

/** The first half of a PDF, as from an interrupted download. */
export function brokenPdfBytes(): Uint8Array {
  const whole = pdfBytes();
  return whole.subarray(0, Math.floor(whole.length / 2));
}

/** A Windows program renamed to look like a document. */
export function exeBytes(): Uint8Array {
  const bytes = new Uint8Array(1024);
  bytes.set([0x4d, 0x5a, 0x90, 0x00, 0x03]);
  bytes.set(new TextEncoder().encode('This program cannot be run in DOS mode.'), 78);
  return bytes;
}

/** A JPEG photo carrying EXIF data with a GPS position, as phones take them. */
export async function photoWithGps(width = 1200, height = 900): Promise<Uint8Array> {
  const data = await sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 60 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Phone 1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 50/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '106/1 45/1 0/1' },
    })
    .toBuffer();
  return new Uint8Array(data);
}

export async function pngBytes(width = 64, height = 64): Promise<Uint8Array> {
  return new Uint8Array(
    await sharp({ create: { width, height, channels: 4, background: { r: 200, g: 30, b: 30, alpha: 0.5 } } })
      .png()
      .toBuffer(),
  );
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A tiny file that claims to be a 20000 × 20000 PNG: decoding it would need gigabytes. */
export function hugePngHeader(side = 20000): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(
    Buffer.concat([
      signature,
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(Buffer.alloc(side + 1))),
      chunk('IEND', new Uint8Array()),
    ]),
  );
}

/** A File as a browser would send it. */
export function fileOf(bytes: Uint8Array, name: string, type = 'application/octet-stream'): File {
  return new File([bytes as Uint8Array<ArrayBuffer>], name, { type });
}
