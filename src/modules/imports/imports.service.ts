import { desc, eq } from 'drizzle-orm';
import { audit } from '#kernel/audit/audit.ts';
import { type Actor, isStaff } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { isUuid } from '#kernel/db/keys.ts';
import { cleanFileName, loadFile, saveFile } from '#kernel/files/files.ts';
import { AppError } from '#kernel/http/errors.ts';
import { publicDataChanged } from '#kernel/http/response-cache.ts';
import { todayInVietnam } from '#kernel/i18n/index.ts';
import type { Logger } from '#kernel/log.ts';
import {
  type EventWithSessions,
  endedEvent,
  enterPastAttendees,
  lockPastEvent,
  type PastAttendee,
  undoPastAttendance,
} from '#modules/events/index.ts';
import { expertEmailsTaken } from '#modules/experts/index.ts';
import { forgetPeople } from '#modules/people/index.ts';
import { listCommunes, provinceName } from '#modules/places/index.ts';
import { type ImportConsentInput, recordImportBasis } from '#modules/privacy/index.ts';
import { projectIdsByNames } from '#modules/projects/index.ts';
import { forgetSupport } from '#modules/support/index.ts';
import { detectLayout, fieldChoices, isImportKind } from './columns.ts';
import { importExpert, undoExperts } from './experts-import.ts';
import { type BatchCounts, type BatchCreated, importBatch } from './imports.sql.ts';
import { type ImportKind, undoDays } from './imports.taxonomy.ts';
import { columnToUnicode, type Encoding } from './legacy-text.ts';
import { importPartner, undoPartners } from './partners-import.ts';
import { importProduct, undoProducts } from './products-import.ts';
import { importProject, undoProjects } from './projects-import.ts';
import { importLimits, readSheet } from './read-file.ts';
import { type AttendeeRecord, type ImportRecord, naturalKey, type ReadRow, readRows } from './rows.ts';
import { importSupport } from './support-import.ts';

export type Batch = typeof importBatch.$inferSelect;

const emptyCreated = (): BatchCreated => ({
  people: [],
  registrations: [],
  checkIns: [],
  projects: [],
  partners: [],
  support: [],
  experts: [],
  products: [],
  listings: [],
});

function staffOnly(actor: Actor) {
  if (!isStaff(actor)) throw new AppError('forbidden');
}

/**
 * Step 1: an officer uploads a list. The file is checked (type by content, size, zip bomb, rows,
 * a header row found) and kept; the batch starts as a draft. Nothing is imported yet.
 * @example const batch = await startImport({ db, actor, kind: 'attendance', eventId, file, province: 'lang-son' })
 */
export async function startImport({
  db,
  actor,
  kind,
  eventId,
  file,
  maxBytes = importLimits.maxBytes,
}: {
  db: Db;
  actor: Actor;
  kind: string;
  eventId?: string;
  file: { name: string; bytes: Uint8Array } | undefined;
  maxBytes?: number;
}): Promise<Batch> {
  staffOnly(actor);
  const errors: Record<string, 'imports.v.kind' | 'imports.v.event' | 'imports.v.file'> = {};
  if (!isImportKind(kind)) errors.kind = 'imports.v.kind';
  let event: EventWithSessions | null = null;
  if (kind === 'attendance') {
    event = await endedEvent(db, eventId ?? '');
    if (!event) errors.event = 'imports.v.event';
  }
  if (!file || file.bytes.length === 0) errors.file = 'imports.v.file';
  if (Object.keys(errors).length) throw new AppError('validation', 'errors.validation', errors);
  if (!file || !isImportKind(kind)) throw new Error('unreachable');
  const sheet = await readSheet(file.bytes, maxBytes);
  const grid = toUnicode(sheet.rows).rows;
  checkSheet(kind, grid);
  const layout = detectLayout(kind, grid);
  const name = cleanFileName(file.name, sheet.fileKind);
  return db.transaction(async (tx) => {
    const stored = await saveFile(
      tx,
      {
        bytes: file.bytes,
        mime:
          sheet.fileKind === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv',
        name,
      },
      actor.id,
    );
    const [batch] = await tx
      .insert(importBatch)
      .values({
        kind,
        fileId: stored.id,
        fileName: name,
        eventId: event?.id ?? null,
        fields: layout?.fields ?? [],
        headerRow: layout?.headerRow ?? 0,
        createdBy: actor.id,
      })
      .returning();
    if (!batch) throw new Error('insert returned nothing');
    return batch;
  });
}

function refuseFile(
  key: 'imports.bad.emptySheet' | 'imports.bad.onlyTitle' | 'imports.bad.noHeader' | 'imports.bad.tooManyRows',
  params = {},
): never {
  throw new AppError('validation', 'errors.validation', { file: key }, params);
}

/** An empty sheet, a sheet with a title and no list, a list without a header row are refused. */
function checkSheet(kind: ImportKind, rows: string[][]) {
  const filled = rows.filter((r) => r.some((c) => c !== ''));
  if (filled.length === 0) refuseFile('imports.bad.emptySheet');
  const layout = detectLayout(kind, rows);
  if (!layout) {
    // A title (a line or two of one cell each) and nothing under it.
    const listLike = filled.filter((r) => r.filter((c) => c !== '').length >= 2);
    refuseFile(listLike.length === 0 ? 'imports.bad.onlyTitle' : 'imports.bad.noHeader');
  }
  if (rows.length - layout.firstDataRow > importLimits.maxRows)
    refuseFile('imports.bad.tooManyRows', { max: importLimits.maxRows });
  if (!rows.slice(layout.firstDataRow).some((r) => r.some((c) => c !== ''))) refuseFile('imports.bad.onlyTitle');
}

/** Every column to Unicode (TCVN3 and VNI columns converted); says which columns were converted. */
function toUnicode(rows: string[][]): { rows: string[][]; legacy: { column: number; encoding: Encoding }[] } {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const out = rows.map((r) => [...r]);
  const legacy: { column: number; encoding: Encoding }[] = [];
  for (let col = 0; col < width; col++) {
    const { cells, encoding } = columnToUnicode(rows.map((r) => r[col] ?? ''));
    if (encoding === 'unicode') continue;
    legacy.push({ column: col, encoding });
    cells.forEach((c, i) => {
      const row = out[i];
      if (row && col < row.length) row[col] = c;
    });
  }
  return { rows: out, legacy };
}

export async function getBatch({ db, actor, id }: { db: Db; actor: Actor; id: string }): Promise<Batch> {
  staffOnly(actor);
  if (!isUuid(id)) throw new AppError('not_found', 'imports.notFound');
  const [batch] = await db.select().from(importBatch).where(eq(importBatch.id, id));
  if (!batch) throw new AppError('not_found', 'imports.notFound');
  return batch;
}

/** What the preview page shows: the columns and their fields, each row's problems, the counts. */
export interface Preview {
  batch: Batch;
  event: EventWithSessions | null;
  headers: string[];
  fields: string[];
  choices: string[];
  rows: ReadRow[];
  legacy: { column: string; encoding: Encoding }[];
  formulas: number;
  headerRow: number;
}

/**
 * Step 2: the batch's file read again with the columns as matched (or as the officer changed
 * them): every row and its problems. Reading is repeated, never stored: the file is the truth.
 */
export async function previewBatch({
  db,
  actor,
  batch,
  province,
}: {
  db: Db;
  actor: Actor;
  batch: Batch;
  province: string;
}): Promise<Preview> {
  staffOnly(actor);
  const file = batch.fileId ? await loadFile(db, batch.fileId) : null;
  if (!file) throw new AppError('not_found', 'imports.fileGone');
  const sheet = await readSheet(file.content, Number.MAX_SAFE_INTEGER);
  const { rows, legacy } = toUnicode(sheet.rows);
  const kind = batch.kind as ImportKind;
  const layout = detectLayout(kind, rows);
  if (!layout) throw new AppError('validation', 'errors.validation', { file: 'imports.bad.noHeader' });
  const event = batch.eventId ? await endedEvent(db, batch.eventId, '9999-12-31') : null;
  const fields = layout.headers.map((_, col) => batch.fields[col] ?? layout.fields[col] ?? '');
  const units = await listCommunes(db, province);
  const projectCol = fields.indexOf('project');
  const projects =
    (kind === 'support' || kind === 'products') && projectCol >= 0
      ? await projectIdsByNames(
          db,
          rows.slice(layout.firstDataRow).map((r) => r[projectCol] ?? ''),
        )
      : undefined;
  const emailCol = fields.indexOf('email');
  const takenEmails =
    kind === 'experts' && emailCol >= 0
      ? await expertEmailsTaken(
          db,
          rows.slice(layout.firstDataRow).map((r) => r[emailCol] ?? ''),
        )
      : undefined;
  const read = readRows(rows, layout.firstDataRow, {
    projects,
    takenEmails,
    kind,
    fields,
    headers: layout.headers,
    units,
    sessionCount: event?.sessions.length ?? 0,
    province: provinceName(province),
  });
  return {
    batch,
    event,
    headers: layout.headers,
    fields,
    choices: fieldChoices(kind, event?.sessions.length ?? 0),
    rows: read,
    legacy: legacy.map((l) => ({ column: layout.headers[l.column] || `#${l.column + 1}`, encoding: l.encoding })),
    formulas: sheet.formulas,
    headerRow: layout.headerRow,
  };
}

/** The officer changes which column holds what (a draft only). */
export async function setFields({
  db,
  actor,
  batch,
  fields,
}: {
  db: Db;
  actor: Actor;
  batch: Batch;
  fields: string[];
}): Promise<void> {
  staffOnly(actor);
  if (batch.status !== 'draft') throw new AppError('conflict', 'imports.notDraft');
  await db.update(importBatch).set({ fields }).where(eq(importBatch.id, batch.id));
}

function attendeeOf(r: AttendeeRecord, e: EventWithSessions): PastAttendee {
  const sessionIds =
    r.sessions.length === 0
      ? e.sessions.map((s) => s.id)
      : r.sessions.map((n) => e.sessions[n - 1]?.id).filter((id): id is string => !!id);
  return {
    name: r.name,
    phone: r.phone,
    email: r.email,
    commune: r.commune,
    organisation: r.organisation,
    organisationType: 'individual',
    sex: r.sex,
    ethnicity: r.ethnicity as PastAttendee['ethnicity'],
    birthYear: r.birthYear,
    sessionIds,
  };
}

/** Lists with more rows to import than this run in the background, their progress on the batch page. */
export const backgroundRows = 2000;
/**
 * A background import writes this many rows per transaction, then records its progress: fewer
 * parts for attendance, whose rows are written set-based (each part re-reads the event's seats).
 */
export const chunkRows = { attendance: 2000, other: 500 } as const;

/** The pause between two parts of a background import. */
const pauseMs = 300;

/** Background imports still running in this process, by batch id (tests wait for them). */
const running = new Map<string, Promise<void>>();

/** Resolves when the batch's background import (if one runs in this process) has ended. */
export async function importFinished(batchId: string): Promise<void> {
  await running.get(batchId);
}

type Counted = { fresh: number; existing: number };

/** Writes records through the modules that own them, inside `tx`; what it added goes into `created`. */
async function writeRecords(
  tx: Db,
  actor: Actor,
  records: ImportRecord[],
  e: EventWithSessions | null,
  today: string,
  created: BatchCreated,
): Promise<Counted> {
  let fresh = 0;
  let existing = 0;
  if (e) {
    await lockPastEvent(tx, e.id);
    // An attendance list is written all at once (people, seats, check-ins, ledger): see enterPastAttendees.
    const attendees = records.flatMap((r) => (r.kind === 'attendance' ? [attendeeOf(r, e)] : []));
    for (const r of await enterPastAttendees(tx, actor, e, attendees, today, { locked: true })) {
      if (r.personCreated) created.people.push(r.personId);
      if (r.registrationCreated) created.registrations.push(r.registrationId);
      else for (const sessionId of r.checkedIn) created.checkIns.push({ registrationId: r.registrationId, sessionId });
      if (r.registrationCreated || r.checkedIn.length > 0) fresh++;
      else existing++;
    }
  }
  for (const record of records) {
    if (record.kind === 'projects') {
      const r = await importProject(tx, actor, record);
      if (r.created) {
        created.projects.push(r.id);
        created.people.push(...r.peopleCreated);
        fresh++;
      } else existing++;
    } else if (record.kind === 'support') {
      const r = await importSupport(tx, actor, record, naturalKey(record));
      if (r.created) {
        created.support.push(r.sourceId);
        fresh++;
      } else existing++;
    } else if (record.kind === 'partners') {
      const r = await importPartner(tx, actor, record);
      if (r.created) {
        created.partners.push(r.id);
        fresh++;
      } else existing++;
    } else if (record.kind === 'experts') {
      const r = await importExpert(tx, actor, record);
      if (r.created) {
        created.experts?.push(r.id);
        fresh++;
      } else existing++;
    } else if (record.kind === 'products') {
      const r = await importProduct(tx, actor, record, today);
      if (r.productCreated) created.products?.push(r.productId);
      if (r.listingCreated && r.listingId) created.listings?.push(r.listingId);
      if (r.productCreated || r.listingCreated) fresh++;
      else existing++;
    }
  }
  return { fresh, existing };
}

async function lockDraft(tx: Db, id: string) {
  const [locked] = await tx.select().from(importBatch).where(eq(importBatch.id, id)).for('update');
  if (locked?.status !== 'draft' && locked?.status !== 'failed') throw new AppError('conflict', 'imports.notDraft');
  return locked;
}

/**
 * Step 3: the rows without errors are imported. A list of up to `backgroundRows` rows is imported
 * in one transaction, before the answer (a failure leaves nothing half-done). A longer one runs in
 * the background, `chunkRows` rows per transaction, the batch counting the rows done so that its
 * page shows the progress; if a part fails, what the earlier parts added is taken back and the
 * batch is marked failed. A row already there (same phone or e-mail; same name…) is reused:
 * importing the same file again adds nothing. What was added is kept on the batch for undo.
 */
export async function runImport({
  db,
  actor,
  batch,
  province,
  basis,
  today = todayInVietnam(),
  logger,
  background = backgroundRows,
  chunk = batch.kind === 'attendance' ? chunkRows.attendance : chunkRows.other,
  afterChunk,
}: {
  db: Db;
  actor: Actor;
  batch: Batch;
  province: string;
  /** The officer's statement that the people in the file consented, or the ground that needs no consent. */
  basis: ImportConsentInput;
  today?: string;
  logger?: Pick<Logger, 'error'>;
  /** Longer lists run in the background. */
  background?: number;
  chunk?: number;
  /** Called after each part of a background import is written (tests use it to make one fail). */
  afterChunk?: (done: number) => Promise<void>;
}): Promise<Batch> {
  staffOnly(actor);
  if (batch.status !== 'draft' && batch.status !== 'failed') throw new AppError('conflict', 'imports.notDraft');
  const preview = await previewBatch({ db, actor, batch, province });
  const records = preview.rows.flatMap((r) => (r.record ? [r.record] : []));
  const e = preview.event;
  if (batch.kind === 'attendance' && !e) throw new AppError('conflict', 'imports.v.event');
  const counts = (c: Counted): BatchCounts => ({
    rows: preview.rows.length,
    created: c.fresh,
    existing: c.existing,
    skipped: preview.rows.length - records.length,
  });
  const finish = async (tx: Db, c: Counted, created: BatchCreated) => {
    await recordImportBasis(tx, { actor, importId: batch.id, input: basis });
    const [row] = await tx
      .update(importBatch)
      .set({
        status: 'imported',
        counts: counts(c),
        created,
        fields: preview.fields,
        processed: records.length,
        importedAt: new Date(),
      })
      .where(eq(importBatch.id, batch.id))
      .returning();
    await audit(tx, {
      actorId: actor.id,
      action: 'import.run',
      entity: 'import_batch',
      entityId: batch.id,
      data: { kind: batch.kind, ...counts(c) },
    });
    if (!row) throw new Error('update returned nothing');
    return row;
  };

  if (records.length <= background)
    return db.transaction(async (tx) => {
      await lockDraft(tx, batch.id);
      const created = emptyCreated();
      const c = await writeRecords(tx, actor, records, e, today, created);
      return finish(tx, c, created);
    });

  // A long list: claimed as running now, written in parts after the answer.
  const claimed = await db.transaction(async (tx) => {
    await lockDraft(tx, batch.id);
    const [row] = await tx
      .update(importBatch)
      .set({
        status: 'running',
        counts: counts({ fresh: 0, existing: 0 }),
        created: emptyCreated(),
        fields: preview.fields,
        processed: 0,
      })
      .where(eq(importBatch.id, batch.id))
      .returning();
    if (!row) throw new Error('update returned nothing');
    return row;
  });
  const job = (async () => {
    const created = emptyCreated();
    const c: Counted = { fresh: 0, existing: 0 };
    try {
      for (let from = 0; from < records.length; from += chunk) {
        const part = records.slice(from, from + chunk);
        const last = from + chunk >= records.length;
        await db.transaction(async (tx) => {
          const [locked] = await tx.select().from(importBatch).where(eq(importBatch.id, batch.id)).for('update');
          if (locked?.status !== 'running') throw new AppError('conflict', 'imports.notDraft');
          const added = await writeRecords(tx, actor, part, e, today, created);
          c.fresh += added.fresh;
          c.existing += added.existing;
          if (last) await finish(tx, c, created);
          else
            await tx
              .update(importBatch)
              .set({ counts: counts(c), created, processed: from + part.length })
              .where(eq(importBatch.id, batch.id));
        });
        // What the part added may show on public pages: the cached ones are made again.
        publicDataChanged();
        if (!last) {
          await afterChunk?.(from + part.length);
          // A breath between parts: on PGlite (one connection) the requests waiting meanwhile, the
          // progress page among them, run their few queries before the next part takes it again.
          await new Promise((resolve) => setTimeout(resolve, pauseMs));
        }
      }
    } catch (error) {
      logger?.error({ err: error, batch: batch.id }, 'a background import failed; what it added is taken back');
      await db.transaction(async (tx) => {
        const [locked] = await tx.select().from(importBatch).where(eq(importBatch.id, batch.id)).for('update');
        if (locked?.status !== 'running') return;
        await takeBack(tx, actor, locked);
        await tx
          .update(importBatch)
          .set({ status: 'failed', counts: counts({ fresh: 0, existing: 0 }), created: emptyCreated(), processed: 0 })
          .where(eq(importBatch.id, batch.id));
        await audit(tx, {
          actorId: actor.id,
          action: 'import.fail',
          entity: 'import_batch',
          entityId: batch.id,
          data: { kind: batch.kind },
        });
      });
    }
  })().finally(() => running.delete(batch.id));
  running.set(batch.id, job);
  return claimed;
}

/**
 * At start: a background import the server stopped in the middle of (a restart) is taken back
 * and marked failed, so that nothing stays half-imported; the officer runs it again.
 */
export async function recoverImports(db: Db): Promise<number> {
  const stuck = await db.select().from(importBatch).where(eq(importBatch.status, 'running'));
  for (const b of stuck) {
    if (running.has(b.id)) continue;
    await db.transaction(async (tx) => {
      const [locked] = await tx.select().from(importBatch).where(eq(importBatch.id, b.id)).for('update');
      if (locked?.status !== 'running') return;
      const actor: Actor = { id: locked.createdBy ?? '', name: '', role: 'officer', email: '' } as Actor;
      await takeBack(tx, actor, locked);
      await tx
        .update(importBatch)
        .set({ status: 'failed', created: emptyCreated(), processed: 0 })
        .where(eq(importBatch.id, b.id));
    });
  }
  return stuck.length;
}

/** Takes back what a batch's `created` lists, through the modules that own it. */
async function takeBack(tx: Db, actor: Actor, locked: Batch) {
  const c = { ...emptyCreated(), ...locked.created };
  if (locked.eventId && (c.registrations.length || c.checkIns.length))
    await undoPastAttendance(tx, actor, {
      eventId: locked.eventId,
      registrationIds: c.registrations,
      checkIns: c.checkIns,
    });
  if (c.projects.length) await undoProjects(tx, actor, c.projects);
  if (c.partners.length) await undoPartners(tx, actor, c.partners);
  if (c.support.length) await forgetSupport(tx, 'import', c.support);
  if (c.experts?.length) await undoExperts(tx, actor, c.experts);
  if (c.products?.length || c.listings?.length)
    await undoProducts(tx, actor, { products: c.products ?? [], listings: c.listings ?? [] });
  await forgetPeople(tx, c.people);
}

/** Whether a batch can still be undone (imported, not undone, within `undoDays`). */
export function canUndo(batch: Pick<Batch, 'status' | 'importedAt'>, now = new Date()): boolean {
  return (
    batch.status === 'imported' &&
    !!batch.importedAt &&
    now.getTime() - batch.importedAt.getTime() <= undoDays * 24 * 60 * 60 * 1000
  );
}

/**
 * Takes back what a batch added, through the modules that own it, and nothing else: its
 * registrations and check-ins, its projects, partners, ledger entries, experts, products and
 * listings, then the people it added that nothing else uses.
 */
export async function undoBatch({ db, actor, batch }: { db: Db; actor: Actor; batch: Batch }): Promise<Batch> {
  staffOnly(actor);
  if (!canUndo(batch)) throw new AppError('conflict', 'imports.cannotUndo');
  return db.transaction(async (tx) => {
    const [locked] = await tx.select().from(importBatch).where(eq(importBatch.id, batch.id)).for('update');
    if (!locked || !canUndo(locked)) throw new AppError('conflict', 'imports.cannotUndo');
    await takeBack(tx, actor, locked);
    const [row] = await tx
      .update(importBatch)
      .set({ status: 'undone', undoneAt: new Date() })
      .where(eq(importBatch.id, batch.id))
      .returning();
    await audit(tx, {
      actorId: actor.id,
      action: 'import.undo',
      entity: 'import_batch',
      entityId: batch.id,
      data: { kind: locked.kind },
    });
    if (!row) throw new Error('update returned nothing');
    return row;
  });
}

/** Batches for the list page, newest first (drafts left behind are shown too, for a while). */
export async function listBatches({ db, actor, limit = 100 }: { db: Db; actor: Actor; limit?: number }) {
  staffOnly(actor);
  return db
    .select({
      id: importBatch.id,
      kind: importBatch.kind,
      status: importBatch.status,
      fileName: importBatch.fileName,
      counts: importBatch.counts,
      createdAt: importBatch.createdAt,
      importedAt: importBatch.importedAt,
      undoneAt: importBatch.undoneAt,
      eventId: importBatch.eventId,
    })
    .from(importBatch)
    .orderBy(desc(importBatch.createdAt))
    .limit(limit);
}
