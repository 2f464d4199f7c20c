import { createHash } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { Metadata, Sharp, SharpOptions } from 'sharp';
import type { Db } from '#kernel/db/client.ts';
import { AppError } from '#kernel/http/errors.ts';
import type { MessageKey } from '#kernel/i18n/index.ts';
import { storedFile } from './files.sql.ts';

/** What an upload field accepts. Images are always decoded and re-encoded (see `readUpload`). */
export const accepts = {
  /** Evidence and attachments: PDF, or a photo of a paper. */
  document: ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'],
  image: ['image/jpeg', 'image/png', 'image/webp'],
} as const;
export type Accept = keyof typeof accepts;

export const MB = 1024 * 1024;

/**
 * sharp (libvips) and file-type load on the first upload, not at start: most requests never touch
 * a file, and libvips' memory then stays out of the server's. Its cache is off: every image is
 * decoded once and stored.
 */
let sharpModule: Promise<(input: Uint8Array, options?: SharpOptions) => Sharp> | null = null;
function loadSharp() {
  sharpModule ??= import('sharp').then(({ default: sharp }) => {
    sharp.cache(false);
    return sharp;
  });
  return sharpModule;
}
const fileTypeOf = async (bytes: Uint8Array) => (await import('file-type')).fileTypeFromBuffer(bytes);
/** A decompression bomb (20000 × 20000 PNG) is refused before it is decoded. */
const MAX_PIXELS = 40_000_000;
const imageTypes: readonly string[] = accepts.image;

export interface Upload {
  bytes: Uint8Array;
  mime: string;
  name: string;
  width?: number;
  height?: number;
}

export interface UploadRules {
  accept: Accept;
  maxBytes: number;
  /** Images are resized to fit this many pixels on their longest side. */
  maxSide?: number;
}

/** The name the user gave, without folders or characters that break a download header. */
export function cleanFileName(name: string, fallbackExt: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we remove
    .replace(/[\u0000-\u001F\u007F"<>|:*?]/g, '')
    .trim()
    .slice(-120);
  return base || `tep.${fallbackExt}`;
}

function refuse(field: string, key: MessageKey, params: Record<string, number> = {}): never {
  throw new AppError('validation', 'errors.validation', { [field]: key }, params);
}

function looksLikeWholePdf(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  return tail.includes('%%EOF');
}

/**
 * Checks one uploaded file by its content and makes it safe to serve: the type is read from the
 * bytes; a PDF must be whole; an image must decode, is resized and re-encoded as JPEG, which also
 * drops its metadata (GPS position, camera). Refusals are field errors in the user's language.
 * @example const upload = await readUpload(file, 'photo', { accept: 'image', maxBytes: 10 * MB })
 */
export async function readUpload(file: File, field: string, rules: UploadRules): Promise<Upload> {
  if (file.size === 0) refuse(field, 'v.fileEmpty');
  if (file.size > rules.maxBytes) refuse(field, 'v.fileTooLarge', { max: Math.round(rules.maxBytes / MB) });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = await fileTypeOf(bytes);
  const allowed: readonly string[] = accepts[rules.accept];
  if (!type || !allowed.includes(type.mime)) refuse(field, rules.accept === 'image' ? 'v.fileNotImage' : 'v.fileType');
  if (type.mime === 'application/pdf') {
    if (!looksLikeWholePdf(bytes)) refuse(field, 'v.fileBroken');
    return { bytes, mime: type.mime, name: cleanFileName(file.name, 'pdf') };
  }
  if (!imageTypes.includes(type.mime)) refuse(field, 'v.fileType');
  return {
    ...(await normaliseImage(bytes, field, rules.maxSide ?? 2000)),
    name: cleanFileName(file.name, 'jpg').replace(/\.(png|webp|jpe?g)$/i, '.jpg'),
  };
}

async function normaliseImage(bytes: Uint8Array, field: string, maxSide: number): Promise<Omit<Upload, 'name'>> {
  const sharp = await loadSharp();
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    refuse(field, 'v.fileBroken');
  }
  if (!meta.width || !meta.height) refuse(field, 'v.fileBroken');
  if (meta.width * meta.height > MAX_PIXELS) refuse(field, 'v.imageTooManyPixels');
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { bytes: new Uint8Array(data), mime: 'image/jpeg', width: info.width, height: info.height };
  } catch {
    refuse(field, 'v.fileBroken');
  }
}

/**
 * A smaller copy of an image `readUpload` has checked (JPEG, no metadata): thumbnails for lists
 * and phones, so a page of products does not load full pictures.
 * @example const thumb = await imageVariant(upload, 480)
 */
export async function imageVariant(upload: Upload, maxSide: number): Promise<Upload> {
  const sharp = await loadSharp();
  const { data, info } = await sharp(upload.bytes, { limitInputPixels: MAX_PIXELS })
    .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 75, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });
  return { bytes: new Uint8Array(data), mime: 'image/jpeg', width: info.width, height: info.height, name: upload.name };
}

export interface StoredFile {
  id: string;
  mime: string;
  name: string;
  size: number;
  sha256: string;
  width: number | null;
  height: number | null;
  createdAt: Date;
}

/** Stores a checked upload; returns its id. Pass a transaction to store it with the row that links it. */
export async function saveFile(db: Db, upload: Upload, createdBy: string | null): Promise<StoredFile> {
  const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
  const [row] = await db
    .insert(storedFile)
    .values({
      mime: upload.mime,
      name: upload.name,
      size: upload.bytes.length,
      sha256,
      width: upload.width ?? null,
      height: upload.height ?? null,
      content: upload.bytes,
      createdBy,
    })
    .returning({
      id: storedFile.id,
      mime: storedFile.mime,
      name: storedFile.name,
      size: storedFile.size,
      sha256: storedFile.sha256,
      width: storedFile.width,
      height: storedFile.height,
      createdAt: storedFile.createdAt,
    });
  if (!row) throw new Error('file not stored');
  return row;
}

/** A stored file with its bytes, or null. */
export async function loadFile(db: Db, id: string): Promise<(StoredFile & { content: Uint8Array }) | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db.select().from(storedFile).where(eq(storedFile.id, id)).limit(1);
  if (!row) return null;
  const { createdBy: _createdBy, ...file } = row;
  return { ...file, content: row.content instanceof Uint8Array ? row.content : new Uint8Array(row.content) };
}

/** Removes stored files (after the rows that linked them are gone). */
export async function deleteFiles(db: Db, ids: string[]): Promise<void> {
  if (ids.length > 0) await db.delete(storedFile).where(inArray(storedFile.id, ids));
}

/** Several files of one field, each checked; more than `maxFiles` is refused as a whole. */
export async function readUploads(
  files: File[] | undefined,
  field: string,
  rules: UploadRules & { maxFiles: number },
): Promise<Upload[]> {
  const list = files ?? [];
  if (list.length > rules.maxFiles) refuse(field, 'v.tooManyFiles', { max: rules.maxFiles });
  const out: Upload[] = [];
  for (const f of list) out.push(await readUpload(f, field, rules));
  return out;
}
