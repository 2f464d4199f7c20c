import { type Context, Hono } from 'hono';
import { allow, requireActor } from '#kernel/auth/access.ts';
import type { Db } from '#kernel/db/client.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { redirectWithFlash } from '#kernel/http/flash.ts';
import { formValue, submitForm } from '#kernel/http/forms.ts';
import { pageFrom, pageInfo } from '#kernel/http/pagination.ts';
import { pageContext, render } from '#kernel/http/render.tsx';
import { communeBySlug } from '#modules/places/index.ts';
import { MergeInput } from './people.schemas.ts';
import { getPerson, listPeople, mergePeople } from './people.service.ts';
import { MergePage, PeopleListPage, PersonPage, type ReceivedRow } from './views/people.tsx';

/**
 * What the people pages need from modules above them: the support a person received comes from
 * the ledger, which names people (so people cannot import it). src/modules.ts wires it.
 */
export interface PeoplePorts {
  supportOf: (db: Db, personId: string) => Promise<ReceivedRow[]>;
}

export function peoplePagesWith(ports: PeoplePorts) {
  const peoplePages = new Hono<AppEnv>();
  const staffOnly = allow('officer', 'admin');

  peoplePages.get('/quan-ly/nguoi', staffOnly, async (c) => {
    const query = c.req.query();
    const q = (query.q ?? '').slice(0, 100);
    const page = pageFrom(query.page, 25);
    const { items, total } = await listPeople({ db: c.var.deps.db, actor: requireActor(c), q, page });
    return render(
      c,
      <PeopleListPage ctx={pageContext(c)} items={items} info={pageInfo(page, total)} q={q} query={query} />,
    );
  });

  peoplePages.get('/quan-ly/nguoi/:id', staffOnly, async (c) => {
    const { db } = c.var.deps;
    const person = await getPerson({ db, actor: requireActor(c), id: c.req.param('id') });
    const [commune, support] = await Promise.all([
      communeBySlug(db, person.communeSlug),
      ports.supportOf(db, person.id),
    ]);
    return render(
      c,
      <PersonPage ctx={pageContext(c)} person={person} communeName={commune?.name ?? null} support={support} />,
    );
  });

  async function mergeForm(
    c: Context<AppEnv>,
    id: string,
    q: string | undefined,
    values: { keep?: string; confirm?: boolean },
    errors: Record<string, string>,
    status: 200 | 422 = 200,
  ) {
    const actor = requireActor(c);
    const { db } = c.var.deps;
    const person = await getPerson({ db, actor, id });
    const search = (q ?? person.fullName).slice(0, 100);
    const { items } = await listPeople({ db, actor, q: search, page: { page: 1, perPage: 30, offset: 0 } });
    return render(
      c,
      <MergePage
        ctx={pageContext(c)}
        person={person}
        q={search}
        candidates={items.filter((p) => p.id !== person.id)}
        values={values}
        errors={errors}
      />,
      status,
    );
  }

  peoplePages.get('/quan-ly/nguoi/:id/gop', staffOnly, (c) =>
    mergeForm(c, c.req.param('id'), c.req.query('q'), {}, {}),
  );

  peoplePages.post('/quan-ly/nguoi/:id/gop', staffOnly, async (c) => {
    const id = c.req.param('id');
    const actor = requireActor(c);
    await getPerson({ db: c.var.deps.db, actor, id });
    return submitForm(
      c,
      MergeInput,
      (values, errors) =>
        mergeForm(
          c,
          id,
          undefined,
          { keep: formValue(values, 'keep'), confirm: formValue(values, 'confirm') === 'on' },
          errors,
          422,
        ),
      async (input) => {
        const kept = await mergePeople(c.var.deps.db, actor, input.keep, id);
        return redirectWithFlash(c, `/quan-ly/nguoi/${kept.id}`, 'people.merge.done');
      },
    );
  });

  return peoplePages;
}
