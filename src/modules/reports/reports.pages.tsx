import { Hono } from 'hono';
import { allow, requireActor } from '#kernel/auth/access.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { type FormValues, formValue, submitForm } from '#kernel/http/forms.ts';
import { pageFrom, pageInfo } from '#kernel/http/pagination.ts';
import { pageContext, render } from '#kernel/http/render.tsx';
import { fieldErrors } from '#kernel/http/validation.ts';
import { todayInVietnam, translator } from '#kernel/i18n/index.ts';
import { Period, presets } from './period.ts';
import { defaultWordTexts, reportDocument } from './reports.docx.ts';
import { WordInput } from './reports.schemas.ts';
import { buildReport, indicatorEvidence, reportWorkbook } from './reports.service.ts';
import { EvidencePage, ReportPage } from './views/report.tsx';
import { WordPage, type WordValues } from './views/word.tsx';

export const reportsPages = new Hono<AppEnv>();
const staffOnly = allow('officer', 'admin');

/** The period asked for in the query; without one, this year so far. */
function periodOf(query: Record<string, string>) {
  const today = todayInVietnam();
  const asked = query.from !== undefined || query.to !== undefined;
  const values = asked
    ? { from: query.from ?? '', to: query.to ?? '' }
    : { from: `${today.slice(0, 4)}-01-01`, to: today };
  return { values, parsed: Period.safeParse(values) };
}

reportsPages.get('/quan-ly/bao-cao', staffOnly, async (c) => {
  const actor = requireActor(c);
  const { values, parsed } = periodOf(c.req.query());
  const list = presets(todayInVietnam());
  if (!parsed.success)
    return render(
      c,
      <ReportPage
        ctx={pageContext(c)}
        values={values}
        errors={fieldErrors(parsed.error, c.var.t)}
        presets={list}
        report={null}
      />,
      422,
    );
  const report = await buildReport({ db: c.var.deps.db, actor, period: parsed.data, t: c.var.t });
  return render(c, <ReportPage ctx={pageContext(c)} values={values} errors={{}} presets={list} report={report} />);
});

reportsPages.get('/quan-ly/bao-cao.xlsx', staffOnly, async (c) => {
  const actor = requireActor(c);
  const { values, parsed } = periodOf(c.req.query());
  if (!parsed.success)
    return render(
      c,
      <ReportPage
        ctx={pageContext(c)}
        values={values}
        errors={fieldErrors(parsed.error, c.var.t)}
        presets={presets(todayInVietnam())}
        report={null}
      />,
      422,
    );
  const { t, deps } = c.var;
  const report = await buildReport({ db: deps.db, actor, period: parsed.data, t });
  const body = await reportWorkbook(report, t, deps.config.BASE_URL);
  c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  c.header('Content-Disposition', `attachment; filename="bao-cao-${parsed.data.from}-${parsed.data.to}.xlsx"`);
  return c.body(new Uint8Array(body));
});

reportsPages.get('/quan-ly/bao-cao/chi-tieu/:id', staffOnly, async (c) => {
  const actor = requireActor(c);
  const { values, parsed } = periodOf(c.req.query());
  if (!parsed.success)
    return render(
      c,
      <ReportPage
        ctx={pageContext(c)}
        values={values}
        errors={fieldErrors(parsed.error, c.var.t)}
        presets={presets(todayInVietnam())}
        report={null}
      />,
      422,
    );
  const line = await indicatorEvidence({
    db: c.var.deps.db,
    actor,
    id: c.req.param('id'),
    period: parsed.data,
    t: c.var.t,
  });
  return render(
    c,
    <EvidencePage
      ctx={pageContext(c)}
      line={line}
      from={parsed.data.from}
      to={parsed.data.to}
      info={pageInfo(pageFrom(c.req.query('page'), 50), line.figure.evidence.length)}
    />,
  );
});

/** The Word report is an official Vietnamese document, whatever language the page is read in. */
const documentWords = translator('vi');

const wordFields: (keyof WordValues)[] = [
  'from',
  'to',
  'parentBody',
  'body',
  'place',
  'number',
  'signedOn',
  'difficulties',
  'proposals',
  'recipients',
  'signerTitle',
  'signerName',
];

reportsPages.get('/quan-ly/bao-cao/word', staffOnly, (c) => {
  requireActor(c);
  const { values } = periodOf(c.req.query());
  const { provinceName } = c.var.deps;
  const today = todayInVietnam();
  const defaults = defaultWordTexts(documentWords, provinceName, today);
  return render(
    c,
    <WordPage
      ctx={pageContext(c)}
      errors={{}}
      values={{
        ...values,
        parentBody: documentWords('reports.docx.parentBody', { province: provinceName }),
        body: documentWords('reports.docx.body'),
        place: provinceName,
        number: '',
        signedOn: today,
        difficulties: '',
        proposals: '',
        recipients: defaults.recipients.join('\n'),
        signerTitle: defaults.signerTitle,
        signerName: '',
      }}
    />,
  );
});

reportsPages.post('/quan-ly/bao-cao/word', staffOnly, (c) => {
  const actor = requireActor(c);
  const showAgain = (values: FormValues, errors: Record<string, string>, status: 409 | 422) =>
    render(
      c,
      <WordPage
        ctx={pageContext(c)}
        errors={errors}
        values={Object.fromEntries(wordFields.map((f) => [f, formValue(values, f)])) as WordValues}
      />,
      status,
    );
  return submitForm(c, WordInput, showAgain, async (input) => {
    const { db, provinceName } = c.var.deps;
    const period = { from: input.from, to: input.to };
    const report = await buildReport({ db, actor, period, t: documentWords });
    const body = await reportDocument(report, { ...input, province: provinceName }, documentWords);
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    c.header('Content-Disposition', `attachment; filename="bao-cao-${period.from}-${period.to}.docx"`);
    return c.body(new Uint8Array(body));
  });
});
