import { type Zippable, zipSync } from 'fflate';

export interface ZipEntry {
  /** Path inside the archive, with `/` between folders; UTF-8 is allowed. */
  name: string;
  data: Uint8Array;
  /** Keep as it is, without deflating (bytes already compressed, whatever their name). */
  store?: boolean;
}

/**
 * A ZIP archive in memory (exports of a few megabytes), made with fflate. Text is deflated;
 * pictures and other archives, already compressed, are stored as they are.
 * @example const bytes = zip([{ name: 'README.txt', data: new TextEncoder().encode('…') }])
 */
export function zip(entries: ZipEntry[], now = new Date()): Uint8Array {
  const files: Zippable = {};
  for (const entry of entries) {
    const stored = entry.store || /\.(jpe?g|png|webp|zip|xlsx)$/i.test(entry.name);
    files[entry.name] = [entry.data, { level: stored ? 0 : 6, mtime: now }];
  }
  return zipSync(files);
}
