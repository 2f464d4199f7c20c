import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentsOf } from '#modules/privacy/index.ts';
import { createProject, findProject } from '#modules/projects/index.ts';
import { createUser } from '#seed/factories.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { hostileBody, hostileForm } from '#src/testing/hostile.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';
import { anonymise, createNeedsSurvey, personalDataOf, surveyForm, surveyResults, textAnswers } from './index.ts';
import { isShown, parseNumber, type Question, questionProblems, readAnswer } from './surveys.logic.ts';

const q = (over: Partial<Question>): Question => ({
  id: '00000000-0000-4000-8000-000000000001',
  sectionId: '00000000-0000-4000-8000-0000000000aa',
  position: 0,
  kind: 'single',
  label: 'Câu hỏi',
  help: '',
  required: true,
  options: { choices: ['Có', 'Không'] },
  ...over,
});
const ctx = { communes: [{ slug: 'that-khe' }], projects: [] };

describe('answers as typed', () => {
  it('refuses an empty required answer, a value not offered, and keeps a real one', () => {
    expect(readAnswer(q({}), '', ctx)).toEqual({ error: 'v.required' });
    expect(readAnswer(q({}), '', ctx, { partial: true })).toEqual({ answer: null });
    expect(readAnswer(q({}), 'Có lẽ', ctx)).toEqual({ error: 'v.choose' });
    expect(readAnswer(q({}), ['Có', 'Không'], ctx)).toEqual({ error: 'v.choose' });
    expect(readAnswer(q({}), 'Có', ctx)).toEqual({ answer: { value: 'Có', choices: null, number: null } });
  });

  it('reads several choices in the offered order, a scale as a number, a commune from the list', () => {
    const multi = q({ kind: 'multi', options: { choices: ['A', 'B', 'C'] } });
    expect(readAnswer(multi, ['C', 'A'], ctx)).toEqual({ answer: { value: null, choices: ['A', 'C'], number: null } });
    expect(readAnswer(q({ kind: 'scale', options: { choices: [] } }), '4', ctx)).toEqual({
      answer: { value: '4', choices: null, number: 4 },
    });
    expect(readAnswer(q({ kind: 'scale', options: { choices: [] } }), '6', ctx)).toEqual({ error: 'v.choose' });
    expect(readAnswer(q({ kind: 'commune', options: { choices: [] } }), 'ha-noi', ctx)).toEqual({ error: 'v.choose' });
    expect(readAnswer(q({ kind: 'needs', options: { choices: [] } }), ['training', 'x'], ctx)).toEqual({
      error: 'v.choose',
    });
  });

  it('reads numbers as Vietnamese type them, and refuses what is not one', () => {
    expect(parseNumber('1.500')).toBe(1500);
    expect(parseNumber('12,5')).toBe(12.5);
    expect(parseNumber('7')).toBe(7);
    for (const bad of ['abc', '1e309', 'NaN', '0x10', '--1', '']) expect(parseNumber(bad)).toBeNull();
    expect(readAnswer(q({ kind: 'number', options: { choices: [] } }), 'mười', ctx)).toEqual({ error: 'v.number' });
    expect(readAnswer(q({ kind: 'date', options: { choices: [] } }), '2022-02-30', ctx)).toEqual({ error: 'v.date' });
    expect(readAnswer(q({ kind: 'short_text', options: { choices: [] } }), 'x'.repeat(501), ctx)).toEqual({
      error: 'surveys.v.tooLong',
    });
  });
});

describe('"show only if"', () => {
  const group = q({ id: '00000000-0000-4000-8000-000000000002', kind: 'group', options: { choices: [] } });
  const needs = q({
    id: '00000000-0000-4000-8000-000000000003',
    kind: 'needs',
    options: { choices: [], showIf: { question: group.id, value: 'project_owners' } },
  });
  it('shows a question only when the earlier answer says the value', () => {
    const answers = new Map([[group.id, { value: 'project_owners', choices: null, number: null }]]);
    expect(isShown(needs, answers, ctx)).toBe(true);
    answers.set(group.id, { value: 'support_workers', choices: null, number: null });
    expect(isShown(needs, answers, ctx)).toBe(false);
    expect(isShown(needs, new Map(), ctx)).toBe(false);
  });
  it('never asks for a project of someone who has none', () => {
    expect(isShown(q({ kind: 'project', options: { choices: [] } }), new Map(), ctx)).toBe(false);
    expect(isShown(q({ kind: 'project', options: { choices: [] } }), new Map(), { projects: [{ id: 'p' }] })).toBe(
      true,
    );
  });
});

describe('the builder’s rules', () => {
  const earlier = [q({})];
  const draft = { kind: 'single' as const, choices: ['A', 'B'], showIfValue: '' };
  it('wants two different choices for choice questions and none for the others', () => {
    expect(questionProblems(draft, [], { anonymous: false })).toEqual({});
    expect(questionProblems({ ...draft, choices: ['A'] }, [], { anonymous: false })).toEqual({
      choices: 'surveys.v.twoChoices',
    });
    expect(questionProblems({ ...draft, choices: ['A', 'A'] }, [], { anonymous: false })).toEqual({
      choices: 'surveys.v.sameChoice',
    });
    expect(questionProblems({ ...draft, kind: 'number' }, [], { anonymous: false })).toEqual({
      choices: 'surveys.v.noChoices',
    });
  });
  it('allows a condition only on an earlier question and one of its values; no project picker when anonymous', () => {
    const id = earlier[0]?.id ?? '';
    expect(
      questionProblems({ ...draft, showIfQuestion: id, showIfValue: 'Có' }, earlier, { anonymous: false }),
    ).toEqual({});
    expect(
      questionProblems({ ...draft, showIfQuestion: id, showIfValue: 'Chưa' }, earlier, { anonymous: false }),
    ).toEqual({
      showIf: 'surveys.v.conditionValue',
    });
    expect(questionProblems({ ...draft, showIfQuestion: id, showIfValue: 'Có' }, [], { anonymous: false })).toEqual({
      showIf: 'surveys.v.conditionEarlier',
    });
    expect(questionProblems({ kind: 'project', choices: [], showIfValue: '' }, [], { anonymous: true })).toEqual({
      kind: 'surveys.v.projectNamed',
    });
  });
});

let rt: TestRuntime;
const password = 'mat-khau-khao-sat';
beforeAll(async () => {
  rt = await testRuntime();
});
afterAll(async () => {
  await rt?.close();
});

async function setting() {
  const n = Math.random().toString(36).slice(2, 8);
  const officer = await createUser(rt.deps, {
    name: 'Hoàng Thu Hà',
    email: `canbo.${n}@ks.vn`,
    role: 'officer',
    password,
  });
  const founder = await createUser(rt.deps, {
    name: 'Lộc Thị Hoa',
    email: `tacgia.${n}@ks.vn`,
    role: 'founder',
    password,
  });
  const project = await createProject({
    db: rt.db,
    actor: founder,
    input: {
      name: `Miến dong ${n}`,
      summary: 'Miến dong thủ công.',
      description: '',
      type: 'product',
      field: 'food',
      stage: 'market',
      commune: 'binh-gia',
      members: [],
      needs: ['space'],
      awards: [],
      links: [],
      consentToPublish: false,
      isPublic: false,
    },
  });
  const survey = await createNeedsSurvey({ db: rt.db, actor: officer, year: 2026 });
  const form = await surveyForm(rt.db, survey.id);
  const field = (label: string) => `q_${form.questions.find((x) => x.label.startsWith(label))?.id}`;
  return { officer, founder, project, survey, form, field };
}

describe('answering, page by page', () => {
  it('an anonymous visitor stops, comes back by the resume link on another device, and finishes; a stranger sees nothing of it', async () => {
    const { survey: s, field } = await setting();
    const phone = new TestBrowser(rt.app);
    const base = `/khao-sat/${s.slug}`;
    expect((await phone.post(base, {})).status).toBe(422); // consent not ticked
    const start = await phone.post(base, { consent: 'on' });
    expect(start.headers.get('location')).toBe(`${base}/trang/1`);
    // A wrong page: the messages, what was typed kept.
    const wrong = await phone.post(`${base}/trang/1`, {
      [field('Bạn thuộc')]: 'project_owners',
      [field('Bạn đang')]: 'ha-noi',
    });
    expect(wrong.status).toBe(422);
    const html = await wrong.text();
    expect(html).toContain('Vui lòng chọn một giá trị trong danh sách.');
    expect(html).toMatch(/value="project_owners"[^>]*checked/);
    const first = await phone.post(`${base}/trang/1`, {
      [field('Bạn thuộc')]: 'project_owners',
      [field('Bạn đang')]: 'that-khe',
    });
    expect(first.headers.get('location')).toBe(`${base}/trang/2`);
    const page2 = await (await phone.get(`${base}/trang/2`)).text();
    const resume = page2.match(/https?:\/\/[^"<\s]+\/tiep-tuc\/[A-Za-z0-9_-]+/)?.[0] ?? '';
    expect(resume).not.toBe('');
    const stop = await phone.post(`${base}/trang/2`, { action: 'stop', [field('Dự án đang')]: 'Ý tưởng' });
    expect(stop.headers.get('location')).toBe(`${base}/da-luu`);

    const stranger = new TestBrowser(rt.app);
    expect((await stranger.get(`${base}/trang/2`)).headers.get('location')).toBe(base);
    expect(await (await stranger.get(base)).text()).not.toContain('Tiếp tục trả lời');

    const laptop = new TestBrowser(rt.app);
    const back = await laptop.get(resume.replace(/^https?:\/\/[^/]+/, ''));
    expect(back.headers.get('location')).toBe(`${base}/trang/2`);
    const again = await (await laptop.get(`${base}/trang/2`)).text();
    expect(again).toMatch(/value="Ý tưởng"[^>]*checked/);
    const p2 = await laptop.post(`${base}/trang/2`, {
      [field('Dự án đang')]: 'Ý tưởng',
      [field('Dự án có')]: '1.200',
      [field('Năm tới')]: ['training', 'consulting_ip'],
      [field('Khó khăn')]: 'Thiếu vốn mua máy đóng gói',
    });
    // The support workers' page is skipped for a project owner.
    expect(p2.headers.get('location')).toBe(`${base}/trang/4`);
    const done = await laptop.post(`${base}/trang/4`, { [field('Bạn hài lòng')]: '4' });
    expect(done.headers.get('location')).toBe(`${base}/xong`);
    expect(await (await laptop.get(`${base}/xong`)).text()).toContain('Cảm ơn bạn đã trả lời khảo sát');
    // Sent: no more changes.
    expect((await laptop.post(`${base}/trang/4`, { [field('Bạn hài lòng')]: '1' })).headers.get('location')).toBe(
      `${base}/xong`,
    );
  });

  it('a founder resumes by account, names needs, and adds them to the project with one click (not before)', async () => {
    const { founder, project, survey: s, field } = await setting();
    const b = new TestBrowser(rt.app);
    await b.signIn(founder.email, password);
    const base = `/khao-sat/${s.slug}`;
    await b.post(base, { consent: 'on' });
    await b.post(`${base}/trang/1`, {
      [field('Bạn thuộc')]: 'project_owners',
      [field('Bạn đang')]: 'that-khe',
      [field('Bạn trả lời')]: project.id,
    });
    // Signed out and in again: the same draft, at the same page.
    const again = new TestBrowser(rt.app);
    await again.signIn(founder.email, password);
    expect(await (await again.get(base)).text()).toContain(`${base}/trang/2`);
    await again.post(`${base}/trang/2`, {
      [field('Dự án đang')]: 'Đang mở rộng',
      [field('Năm tới')]: ['training', 'space'],
    });
    await again.post(`${base}/trang/4`, { [field('Bạn hài lòng')]: '5' });
    expect((await findProject(rt.db, project.id)) && (await projectNeeds(project.id))).toEqual(['space']);
    const end = await (await again.get(`${base}/xong`)).text();
    expect(end).toContain('Thêm vào nhu cầu của dự án');
    expect((await again.post(`${base}/nhu-cau`)).status).toBe(303);
    expect(await projectNeeds(project.id)).toEqual(['space', 'training']);
    // The founder's data export holds these answers (the survey is named).
    const [part] = await personalDataOf(rt.db, founder.id);
    expect(part?.rows.map((row) => row.question)).toContain('Bạn thuộc nhóm nào?');
    // Someone else cannot apply it.
    const other = await createUser(rt.deps, {
      name: 'Khác',
      email: `khac.${Date.now()}@ks.vn`,
      role: 'founder',
      password,
    });
    const stranger = new TestBrowser(rt.app);
    await stranger.signIn(other.email, password);
    expect((await stranger.post(`${base}/nhu-cau`)).status).toBe(404);
  });

  it('a deleted account’s answers stay in the counts, without its words or its name', async () => {
    const { founder, project, survey: s, form, field } = await setting();
    const b = new TestBrowser(rt.app);
    await b.signIn(founder.email, password);
    const base = `/khao-sat/${s.slug}`;
    expect((await b.post(base, {})).status).toBe(422);
    expect((await consentsOf(rt.db, founder.id)).filter((c) => c.source === 'survey')).toEqual([]);
    await b.post(base, { consent: 'on' });
    // The accepted consent text is on record, with the notice version in force.
    const given = (await consentsOf(rt.db, founder.id)).filter((c) => c.source === 'survey');
    expect(given).toHaveLength(1);
    expect(given[0]).toMatchObject({ purpose: 'survey', withdrawnAt: null });
    await b.post(`${base}/trang/1`, {
      [field('Bạn thuộc')]: 'project_owners',
      [field('Bạn đang')]: 'that-khe',
      [field('Bạn trả lời')]: project.id,
    });
    await b.post(`${base}/trang/2`, {
      [field('Dự án đang')]: 'Đang mở rộng',
      [field('Năm tới')]: ['training'],
      [field('Khó khăn lớn')]: 'Thiếu vốn, gọi Hoa ở số 0912 000 111',
    });
    await b.post(`${base}/trang/4`, { [field('Bạn hài lòng')]: '4' });
    const hardest = form.questions.find((x) => x.label.startsWith('Khó khăn lớn'))?.id ?? '';
    const page = { page: 1, perPage: 20, offset: 0 };
    expect((await textAnswers(rt.db, hardest, 'goi hoa', page)).total).toBe(1);
    const before = await surveyResults(rt.db, s.id, 'group');
    await anonymise(rt.db, { userId: founder.id, email: founder.email, phone: '' });
    expect((await textAnswers(rt.db, hardest, 'goi hoa', page)).total).toBe(0);
    expect((await personalDataOf(rt.db, founder.id))[0]?.rows).toEqual([]);
    const after = await surveyResults(rt.db, s.id, 'group');
    expect(after.total).toBe(before.total);
    expect(after.total).toBeGreaterThan(0);
  });

  it('300 hostile submissions of the answer form: never a 5xx, never a submitted response', async () => {
    const { survey: s, form } = await setting();
    const b = new TestBrowser(rt.app);
    const base = `/khao-sat/${s.slug}`;
    await b.post(base, { consent: 'on' });
    const fields = [...form.questions.map((x) => `q_${x.id}`), 'action'];
    const statuses: number[] = [];
    for (const submission of fc.sample(hostileForm(fields), { numRuns: 300, seed: 42 })) {
      const page = 1 + (statuses.length % 4);
      const res = await b.request(`${base}/trang/${page}`, {
        method: 'POST',
        ...hostileBody(submission, await b.csrfToken()),
      });
      statuses.push(res.status);
    }
    expect(statuses.filter((x) => x >= 500)).toEqual([]);
    expect(statuses.length).toBe(300);
    const results = await surveyResults(rt.db, s.id, 'group');
    expect(results.total).toBe(0);
  });
});

async function projectNeeds(id: string): Promise<string[]> {
  return (await findProject(rt.db, id))?.needs ?? [];
}

describe('results', () => {
  it('counts, averages and cross-tabs in SQL; free text searchable without accents; staff only', async () => {
    const { officer, founder, survey: s, field } = await setting();
    const base = `/khao-sat/${s.slug}`;
    const answer = async (group: string, commune: string, satisfaction: string, text = '') => {
      const b = new TestBrowser(rt.app);
      await b.post(base, { consent: 'on' });
      await b.post(`${base}/trang/1`, { [field('Bạn thuộc')]: group, [field('Bạn đang')]: commune });
      if (group === 'project_owners')
        await b.post(`${base}/trang/2`, {
          [field('Dự án đang')]: 'Ý tưởng',
          [field('Năm tới')]: 'training',
          [field('Khó khăn')]: text,
        });
      else await b.post(`${base}/trang/3`, { [field('Bạn đang làm những')]: ['Tư vấn'], [field('Địa phương')]: '5' });
      await b.post(`${base}/trang/4`, { [field('Bạn hài lòng')]: satisfaction });
    };
    await answer('project_owners', 'that-khe', '4', 'Thiếu vốn mua máy');
    await answer('project_owners', 'binh-gia', '2', 'Chưa có nhãn hiệu');
    await answer('support_workers', 'that-khe', '3');
    const r = await surveyResults(rt.db, s.id, 'group');
    expect(r.total).toBe(3);
    const satisfaction = r.numbers.find(
      (n) => n.by === null && r.counts.some((c) => c.questionId === n.questionId && c.value === '4'),
    );
    expect(satisfaction?.avg).toBe(3);
    const byGroup = r.counts.filter((c) => c.value === 'project_owners');
    expect(byGroup.find((c) => c.by === null)?.n).toBe(2);
    expect(byGroup.find((c) => c.by === 'project_owners')?.n).toBe(2);

    const staff = new TestBrowser(rt.app);
    await staff.signIn(officer.email, password);
    const page = await staff.get(`${base}/ket-qua`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<svg class="chart"');
    expect(html).toContain('3 bài đã gửi');
    const textQuestion = field('Khó khăn').slice(2);
    const found = await (await staff.get(`${base}/ket-qua/${textQuestion}?q=nhan hieu`)).text();
    expect(found).toContain('Chưa có nhãn hiệu');
    expect(found).not.toContain('Thiếu vốn mua máy');
    const xlsx = await staff.get(`${base}/ket-qua.xlsx`);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');

    const api = await staff.get(`/api/v1/surveys/${s.slug}/results?by=commune`);
    const json = (await api.json()) as { total: number; columns: { by: string; n: number }[] };
    expect(json.total).toBe(3);
    expect(json.columns).toEqual([
      { by: 'that-khe', n: 2 },
      { by: 'binh-gia', n: 1 },
    ]);

    const notStaff = new TestBrowser(rt.app);
    await notStaff.signIn(founder.email, password);
    expect((await notStaff.get(`${base}/ket-qua`)).status).toBe(403);
  });
});

describe('the builder, through its pages', () => {
  it('adds a question with a condition, refuses a condition on a later question, a move before it, and removing what it reads', async () => {
    const { officer, survey: s, form } = await setting();
    const b = new TestBrowser(rt.app);
    await b.signIn(officer.email, password);
    const base = `/khao-sat/${s.slug}`;
    const last = form.sections.at(-1)?.id ?? '';
    const group = form.questions.find((x) => x.kind === 'group')?.id ?? '';
    const bad = await b.post(`${base}/cau-hoi/moi?phan=${last}`, {
      kind: 'single',
      label: 'Một lựa chọn',
      choices: 'Chỉ một',
    });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('cần ít nhất 2 lựa chọn');
    expect(html).toContain('Một lựa chọn');
    const ok = await b.post(`${base}/cau-hoi/moi?phan=${last}`, {
      kind: 'single',
      label: 'Bạn đã dự lớp tập huấn nào chưa?',
      choices: 'Rồi\nChưa',
      showIf: `${group}|project_owners`,
    });
    expect(ok.status).toBe(303);
    const after = await surveyForm(rt.db, s.id);
    const added = after.questions.at(-1);
    expect(added?.options).toEqual({ choices: ['Rồi', 'Chưa'], showIf: { question: group, value: 'project_owners' } });
    // The group question cannot be removed, nor go after a question that reads it.
    const first = after.questions[0]?.id ?? '';
    expect((await b.post(`${base}/cau-hoi/${first}/xoa`)).status).toBe(303);
    expect((await surveyForm(rt.db, s.id)).questions.length).toBe(after.questions.length);
    expect((await b.post(`${base}/cau-hoi/${first}/di-chuyen`, { direction: 'down' })).status).toBe(303);
    const moved = (await surveyForm(rt.db, s.id)).questions.map((x) => x.id);
    expect(moved.indexOf(first)).toBe(1);
    expect((await b.post(`${base}/cau-hoi/${first}/di-chuyen`, { direction: 'down' })).status).toBe(303);
    expect((await surveyForm(rt.db, s.id)).questions.map((x) => x.id)).toEqual(moved);
    // A condition on a question that comes later is refused.
    const laterId = added?.id ?? '';
    const early = await b.post(`${base}/cau-hoi/${first}`, {
      kind: 'group',
      label: 'Bạn thuộc nhóm nào?',
      required: 'on',
      showIf: `${laterId}|Rồi`,
    });
    expect(early.status).toBe(422);
  });

  it('a question revealed by an answer on the same page keeps the person on that page to answer it', async () => {
    const { founder, project, survey: s, field } = await setting();
    const b = new TestBrowser(rt.app);
    await b.signIn(founder.email, password);
    const base = `/khao-sat/${s.slug}`;
    await b.post(base, { consent: 'on' });
    const first = await b.post(`${base}/trang/1`, {
      [field('Bạn thuộc')]: 'project_owners',
      [field('Bạn đang')]: 'that-khe',
    });
    expect(first.headers.get('location')).toBe(`${base}/trang/1`);
    const page = await (await b.get(`${base}/trang/1`)).text();
    expect(page).toContain('Bạn trả lời cho dự án nào?');
    expect(page).toContain(project.name);
  });
});
