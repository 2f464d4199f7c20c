import { type Context, Hono } from 'hono';
import { allow, requireActor } from '#kernel/auth/access.ts';
import { MB } from '#kernel/files/files.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { AppError } from '#kernel/http/errors.ts';
import { redirectWithFlash } from '#kernel/http/flash.ts';
import { type FormValues, formErrors, formValue, readForm } from '#kernel/http/forms.ts';
import { pageContext, render } from '#kernel/http/render.tsx';
import type { FieldErrors } from '#kernel/http/validation.ts';
import { translator } from '#kernel/i18n/index.ts';
import { endedEvents } from '#modules/events/index.ts';
import { ImportConsentInput } from '#modules/privacy/index.ts';
import { fieldChoices, isImportKind } from './columns.ts';
import { FieldsInput, StartInput } from './imports.schemas.ts';
import {
  backgroundRows,
  canUndo,
  getBatch,
  listBatches,
  previewBatch,
  runImport,
  setFields,
  startImport,
  undoBatch,
} from './imports.service.ts';
import type { ImportKind } from './imports.taxonomy.ts';
import { importLimits } from './read-file.ts';
import { templateWorkbook } from './template.ts';
import { ImportsPage, importsPath, PreviewPage, ProgressPage } from './views/imports.tsx';

export const importsPages = new Hono<AppEnv>();
const staffOnly = allow('officer', 'admin');

/** The biggest file accepted: 50 MB, or less when the server's upload limit is lower. */
const maxBytesOf = (c: Context<AppEnv>) =>
  Math.min(importLimits.maxBytes, c.var.deps.config.UPLOAD_LIMIT_BYTES - 64 * 1024);

async function listPage(
  c: Context<AppEnv>,
  values: FormValues = {},
  errors: Record<string, string> = {},
  status: 200 | 422 = 200,
) {
  const { db } = c.var.deps;
  const actor = requireActor(c);
  const [batches, events] = await Promise.all([listBatches({ db, actor }), endedEvents(db)]);
  return render(
    c,
    <ImportsPage
      ctx={pageContext(c)}
      batches={batches}
      events={events}
      values={values}
      errors={errors}
      maxMb={Math.floor(maxBytesOf(c) / MB)}
    />,
    status,
  );
}

importsPages.get(importsPath, staffOnly, (c) => listPage(c));

importsPages.post(importsPath, staffOnly, async (c) => {
  const form = await readForm(c, StartInput);
  const values = form.values;
  const chosen = form.files.file?.[0];
  try {
    const batch = await startImport({
      db: c.var.deps.db,
      actor: requireActor(c),
      kind: formValue(values, 'kind'),
      eventId: formValue(values, 'event'),
      file: chosen ? { name: chosen.name, bytes: new Uint8Array(await chosen.arrayBuffer()) } : undefined,
      maxBytes: maxBytesOf(c),
    });
    return redirectWithFlash(c, `${importsPath}/${batch.id}`, 'imports.flash.read');
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation') return listPage(c, values, formErrors(c, error), 422);
    throw error;
  }
});

importsPages.get(`${importsPath}/mau/:kind`, staffOnly, async (c) => {
  const kind = c.req.param('kind');
  if (!isImportKind(kind)) throw new AppError('not_found', 'imports.notFound');
  // Always in Vietnamese: the headers are what the matcher reads.
  const bytes = await templateWorkbook(translator('vi'), kind);
  c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  c.header('Content-Disposition', `attachment; filename="mau-nhap-${kind}.xlsx"`);
  return c.body(new Uint8Array(bytes));
});

/** The batch's page: its rows read, what is wrong, and (a draft) the form that imports it. */
async function batchPage(c: Context<AppEnv>, basis?: { values: FormValues; errors: FieldErrors }) {
  const { db, config } = c.var.deps;
  const actor = requireActor(c);
  const batch = await getBatch({ db, actor, id: c.req.param('id') ?? '' });
  if (batch.status === 'running')
    // The file is not read again while it is being imported: the page tells how far it is.
    return render(
      c,
      <ProgressPage
        ctx={pageContext(c)}
        id={batch.id}
        fileName={batch.fileName}
        kind={batch.kind as ImportKind}
        done={batch.processed}
        total={batch.counts.rows - batch.counts.skipped}
        refreshSeconds={3}
      />,
    );
  const preview = await previewBatch({ db, actor, batch, province: config.PROVINCE });
  return render(
    c,
    <PreviewPage
      ctx={pageContext(c)}
      id={batch.id}
      fileName={batch.fileName}
      kind={batch.kind as ImportKind}
      status={batch.status}
      eventTitle={preview.event?.title ?? null}
      eventPath={preview.event ? `/su-kien/${preview.event.slug}/nguoi-dang-ky` : null}
      sessions={preview.event?.sessions.length ?? 0}
      headers={preview.headers}
      fields={preview.fields}
      choices={preview.choices}
      rows={preview.rows}
      legacy={preview.legacy}
      formulas={preview.formulas}
      headerRow={preview.headerRow}
      counts={batch.counts}
      importedAt={batch.importedAt}
      undoable={canUndo(batch)}
      backgroundRows={backgroundRows}
      basis={basis}
    />,
    basis ? 422 : 200,
  );
}

importsPages.get(`${importsPath}/:id`, staffOnly, (c) => batchPage(c));

importsPages.post(`${importsPath}/:id/cot`, staffOnly, async (c) => {
  const { db, config } = c.var.deps;
  const actor = requireActor(c);
  const batch = await getBatch({ db, actor, id: c.req.param('id') });
  const form = await readForm(c, FieldsInput);
  const preview = await previewBatch({ db, actor, batch, province: config.PROVINCE });
  const allowed = new Set(fieldChoices(batch.kind as ImportKind, preview.event?.sessions.length ?? 0));
  const fields = preview.headers.map((_, col) => {
    const v = formValue(form.values, `col${col}`);
    return allowed.has(v) ? v : '';
  });
  await setFields({ db, actor, batch, fields });
  return redirectWithFlash(c, `${importsPath}/${batch.id}`, 'imports.flash.columns');
});

importsPages.post(`${importsPath}/:id/nhap`, staffOnly, async (c) => {
  const { db, config } = c.var.deps;
  const actor = requireActor(c);
  const batch = await getBatch({ db, actor, id: c.req.param('id') });
  // The officer states why the people in the file may be recorded (Law 91/2025/QH15): required.
  const form = await readForm(c, ImportConsentInput);
  if (!form.ok) return batchPage(c, { values: form.values, errors: form.errors });
  const done = await runImport({
    db,
    actor,
    batch,
    province: config.PROVINCE,
    basis: form.data,
    logger: c.var.deps.logger,
  });
  if (done.status === 'running') return redirectWithFlash(c, `${importsPath}/${batch.id}`, 'imports.flash.started');
  return redirectWithFlash(c, `${importsPath}/${batch.id}`, 'imports.flash.imported', {
    created: done.counts.created,
    existing: done.counts.existing,
    skipped: done.counts.skipped,
  });
});

importsPages.post(`${importsPath}/:id/hoan-tac`, staffOnly, async (c) => {
  const { db } = c.var.deps;
  const actor = requireActor(c);
  const batch = await getBatch({ db, actor, id: c.req.param('id') });
  await undoBatch({ db, actor, batch });
  return redirectWithFlash(c, `${importsPath}/${batch.id}`, 'imports.flash.undone');
});
