import { type Context, Hono } from 'hono';
import { allow, requireActor } from '#kernel/auth/access.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { redirectWithFlash } from '#kernel/http/flash.ts';
import { type FormValues, formValue, submitForm } from '#kernel/http/forms.ts';
import { pageFrom, pageInfo } from '#kernel/http/pagination.ts';
import { pageContext, render } from '#kernel/http/render.tsx';
import { fieldErrors } from '#kernel/http/validation.ts';
import { todayInVietnam, translator } from '#kernel/i18n/index.ts';
import { Period, presets } from './period.ts';
import { publicFigures } from './public.ts';
import { defaultWordTexts, reportDocument } from './reports.docx.ts';
import { WordInput } from './reports.schemas.ts';
import { buildReport, indicatorEvidence, reportWorkbook } from './reports.service.ts';
import { NewStory, StoryText } from './stories.schemas.ts';
import {
  addStory,
  getStory,
  listStories,
  publicStories,
  removeStory,
  storyCandidates,
  updateStory,
} from './stories.service.ts';
import { PublicFiguresPage, type PublicYear } from './views/public.tsx';
import { EvidencePage, ReportPage } from './views/report.tsx';
import { StoriesPage, StoryEditPage, type StoryValues } from './views/stories.tsx';
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
  const report = await buildReport({ db: deps.db, actor, period: parsed.data, t, evidence: true });
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
      info={pageInfo(pageFrom(c.req.query('page'), 50), line.figure.records)}
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

/** The first year the public page offers. */
const firstPublicYear = 2020;

/**
 * `/so-lieu`, for anyone: the headline figures of this year so far and last year (or of `?nam=`
 * and the year before), kept in memory a few minutes per period, and the success stories.
 */
reportsPages.get('/so-lieu', async (c) => {
  const { db } = c.var.deps;
  const today = todayInVietnam();
  const thisYear = Number(today.slice(0, 4));
  const asked = Number(c.req.query('nam'));
  const shown = Number.isInteger(asked) && asked >= firstPublicYear && asked <= thisYear ? asked : thisYear;
  const years: PublicYear[] = [];
  for (const year of [shown, shown - 1]) {
    const soFar = year === thisYear;
    const period = { from: `${year}-01-01`, to: soFar ? today : `${year}-12-31` };
    years.push({ year, to: period.to, soFar, figures: await publicFigures(db, period, c.var.t) });
  }
  const others: number[] = [];
  for (let y = thisYear; y >= firstPublicYear; y--) if (y !== shown && y !== shown - 1) others.push(y);
  return render(
    c,
    <PublicFiguresPage ctx={pageContext(c)} years={years} others={others} stories={await publicStories(db)} />,
  );
});

const storyValues = (values: FormValues): StoryValues => ({
  project: formValue(values, 'project'),
  headline: formValue(values, 'headline'),
  body: formValue(values, 'body'),
});

async function storiesPage(c: Context<AppEnv>, values: StoryValues, errors: Record<string, string>, status: 200 | 422) {
  const actor = requireActor(c);
  const { db } = c.var.deps;
  const [stories, candidates] = await Promise.all([listStories({ db, actor }), storyCandidates({ db, actor })]);
  return render(
    c,
    <StoriesPage ctx={pageContext(c)} stories={stories} candidates={candidates} values={values} errors={errors} />,
    status,
  );
}

reportsPages.get('/quan-ly/cau-chuyen', staffOnly, (c) => storiesPage(c, {}, {}, 200));

reportsPages.post('/quan-ly/cau-chuyen', staffOnly, async (c) => {
  const actor = requireActor(c);
  return submitForm(
    c,
    NewStory,
    (values, errors) => storiesPage(c, storyValues(values), errors, 422),
    async (input) => {
      await addStory({ db: c.var.deps.db, actor, input });
      return redirectWithFlash(c, '/quan-ly/cau-chuyen', 'reports.story.added');
    },
  );
});

reportsPages.get('/quan-ly/cau-chuyen/:projectId', staffOnly, async (c) => {
  const story = await getStory({ db: c.var.deps.db, actor: requireActor(c), projectId: c.req.param('projectId') });
  return render(c, <StoryEditPage ctx={pageContext(c)} story={story} values={story} errors={{}} />);
});

reportsPages.post('/quan-ly/cau-chuyen/:projectId', staffOnly, async (c) => {
  const actor = requireActor(c);
  const { db } = c.var.deps;
  const projectId = c.req.param('projectId');
  const story = await getStory({ db, actor, projectId });
  return submitForm(
    c,
    StoryText,
    (values, errors) =>
      render(c, <StoryEditPage ctx={pageContext(c)} story={story} values={storyValues(values)} errors={errors} />, 422),
    async (input) => {
      await updateStory({ db, actor, projectId, input });
      return redirectWithFlash(c, '/quan-ly/cau-chuyen', 'reports.story.saved');
    },
  );
});

reportsPages.post('/quan-ly/cau-chuyen/:projectId/xoa', staffOnly, async (c) => {
  await removeStory({ db: c.var.deps.db, actor: requireActor(c), projectId: c.req.param('projectId') });
  return redirectWithFlash(c, '/quan-ly/cau-chuyen', 'reports.story.removed');
});
