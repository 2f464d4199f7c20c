import { and, asc, count, desc, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { user } from '#kernel/auth/auth.sql.ts';
import { type Actor, isStaff } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { isUuid } from '#kernel/db/keys.ts';
import { storedFile } from '#kernel/files/files.sql.ts';
import { AppError } from '#kernel/http/errors.ts';
import type { Page } from '#kernel/http/pagination.ts';
import { todayInVietnam } from '#kernel/i18n/index.ts';
import { matches, searchTerm } from '#kernel/search/search.ts';
import {
  engagementSummaries,
  unfinishedEngagementIds,
  unfinishedEngagementStatuses,
} from '#modules/engagements/index.ts';
import {
  introductionSummaries,
  unansweredIntroductionIds,
  unansweredIntroductionStatuses,
} from '#modules/partners/index.ts';
import { communesOf } from '#modules/places/index.ts';
import { findProject, projectIdsWhere, projectSummaries, type SupportNeed } from '#modules/projects/index.ts';
import { claimRequests } from './claim-requests.ts';
import { isOpen, type Party, requestFor, requestRef, type SupportRequest } from './requests.access.ts';
import type { InboxFilters } from './requests.schemas.ts';
import { requestEvent, requestFile, requestLink, supportRequest } from './requests.sql.ts';

// Read models: one request with its thread, the officers' inbox and its counts, "my requests".

export interface ThreadEntry {
  id: string;
  type: string;
  actorName: string | null;
  actorIsStaff: boolean;
  body: string;
  fromStatus: string | null;
  toStatus: string | null;
  createdAt: Date;
  files: { id: string; name: string; size: number; mime: string }[];
}

export interface RequestLinkView {
  type: 'engagement' | 'introduction';
  id: string;
  name: string;
  status: string;
  href: string;
  /** The need this help answers. */
  need: SupportNeed;
  /** The expert's engagement is closed or declined; the partner has answered. */
  finished: boolean;
}

/** Where one need of a request stands: no one connected yet, someone working on it, or all done. */
export interface NeedProgress {
  need: SupportNeed;
  state: 'waiting' | 'working' | 'done';
  links: RequestLinkView[];
}

/** Each need of the request with the help connected for it. */
export function needsProgress(needs: readonly SupportNeed[], links: readonly RequestLinkView[]): NeedProgress[] {
  return needs.map((need) => {
    const mine = links.filter((l) => l.need === need);
    const state = mine.length === 0 ? 'waiting' : mine.every((l) => l.finished) ? 'done' : 'working';
    return { need, state, links: mine };
  });
}

export interface RequestView extends SupportRequest {
  party: Party;
  ref: string;
  projectSlug: string | null;
  projectName: string | null;
  requesterName: string | null;
  assigneeName: string | null;
  communeName: string | null;
  overdue: boolean;
  thread: ThreadEntry[];
  links: RequestLinkView[];
  needsProgress: NeedProgress[];
  /** In progress, and every need has help that is all finished: the officer should close it. */
  readyToClose: boolean;
}

const assigneeName = sql<string | null>`(select name from "user" where id = ${supportRequest.assigneeId})`;
const requesterName = sql<string | null>`(select name from "user" where id = ${supportRequest.requesterId})`;

function isOverdue(r: Pick<SupportRequest, 'status' | 'dueOn'>, today: string): boolean {
  return !!r.dueOn && r.dueOn < today && isOpen(r.status);
}

async function threadOf(db: Db, requestId: string): Promise<ThreadEntry[]> {
  const events = await db
    .select({ e: requestEvent, actorName: user.name, actorRole: user.role })
    .from(requestEvent)
    .leftJoin(user, eq(user.id, requestEvent.actorId))
    .where(eq(requestEvent.requestId, requestId))
    .orderBy(asc(requestEvent.createdAt));
  const files = events.length
    ? await db
        .select({
          eventId: requestFile.eventId,
          id: storedFile.id,
          name: storedFile.name,
          size: storedFile.size,
          mime: storedFile.mime,
        })
        .from(requestFile)
        .innerJoin(storedFile, eq(storedFile.id, requestFile.fileId))
        .where(
          inArray(
            requestFile.eventId,
            events.map((e) => e.e.id),
          ),
        )
    : [];
  return events.map(({ e, actorName, actorRole }) => ({
    id: e.id,
    type: e.type,
    actorName,
    actorIsStaff: actorRole === 'officer' || actorRole === 'admin',
    body: e.body,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    createdAt: e.createdAt,
    files: files.filter((f) => f.eventId === e.id).map(({ eventId: _e, ...f }) => f),
  }));
}

async function linksOf(db: Db, requestId: string, kind: SupportNeed): Promise<RequestLinkView[]> {
  const linkRows = await db
    .select()
    .from(requestLink)
    .where(eq(requestLink.requestId, requestId))
    .orderBy(asc(requestLink.createdAt));
  const [engagements, introductions] = await Promise.all([
    engagementSummaries(
      db,
      linkRows.filter((l) => l.type === 'engagement').map((l) => l.targetId),
    ),
    introductionSummaries(
      db,
      linkRows.filter((l) => l.type === 'introduction').map((l) => l.targetId),
    ),
  ]);
  const needOf = (id: string) => (linkRows.find((l) => l.targetId === id)?.need ?? kind) as SupportNeed;
  return [
    ...engagements.map((e) => ({
      type: 'engagement' as const,
      id: e.id,
      name: e.expertName,
      status: e.status,
      href: `/tu-van/${e.id}`,
      need: needOf(e.id),
      finished: !(unfinishedEngagementStatuses as readonly string[]).includes(e.status),
    })),
    ...introductions.map((i) => ({
      type: 'introduction' as const,
      id: i.id,
      name: i.partnerName,
      status: i.status,
      href: `/gioi-thieu/${i.id}`,
      need: needOf(i.id),
      finished: !(unansweredIntroductionStatuses as readonly string[]).includes(i.status),
    })),
  ];
}

/** One request with its thread and links, for a party of it (404 for anyone else). */
export async function getRequest({
  db,
  actor,
  number,
}: {
  db: Db;
  actor: Actor | null;
  number: number;
}): Promise<RequestView> {
  const { r, party } = await requestFor(db, actor, number);
  const [[names], p, communes, thread, links] = await Promise.all([
    db.select({ assigneeName, requesterName }).from(supportRequest).where(eq(supportRequest.id, r.id)),
    r.projectId ? findProject(db, r.projectId) : null,
    communesOf(db, [r.communeSlug]),
    threadOf(db, r.id),
    linksOf(db, r.id, r.kind as SupportNeed),
  ]);
  const progress = needsProgress(r.needs as SupportNeed[], links);
  return {
    ...r,
    party,
    ref: requestRef(r.number),
    projectSlug: p?.slug ?? null,
    projectName: p?.name ?? null,
    requesterName: names?.requesterName ?? null,
    assigneeName: names?.assigneeName ?? null,
    communeName: (r.communeSlug && communes.get(r.communeSlug)?.name) || null,
    overdue: isOverdue(r, todayInVietnam()),
    thread,
    links,
    needsProgress: progress,
    readyToClose: r.status === 'in_progress' && progress.every((n) => n.state === 'done'),
  };
}

/** A file on the thread, for a party of the request only; returns the stored file's id. */
export async function requestFileId({
  db,
  actor,
  number,
  fileId,
}: {
  db: Db;
  actor: Actor | null;
  number: number;
  fileId: string;
}): Promise<string> {
  const { r } = await requestFor(db, actor, number);
  if (!isUuid(fileId)) throw new AppError('not_found');
  const [row] = await db
    .select({ id: requestFile.fileId })
    .from(requestFile)
    .innerJoin(requestEvent, eq(requestEvent.id, requestFile.eventId))
    .where(and(eq(requestEvent.requestId, r.id), eq(requestFile.fileId, fileId)));
  if (!row) throw new AppError('not_found');
  return row.id;
}

export interface RequestListItem {
  number: number;
  ref: string;
  kind: string;
  urgency: string;
  status: string;
  body: string;
  projectName: string | null;
  projectSlug: string | null;
  contactName: string;
  requesterName: string | null;
  assigneeName: string | null;
  communeName: string | null;
  dueOn: string | null;
  overdue: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const listColumns = {
  number: supportRequest.number,
  kind: supportRequest.kind,
  urgency: supportRequest.urgency,
  status: supportRequest.status,
  body: sql<string>`left(${supportRequest.body}, 200)`,
  projectId: supportRequest.projectId,
  communeSlug: supportRequest.communeSlug,
  contactName: supportRequest.contactName,
  requesterName,
  assigneeName,
  dueOn: supportRequest.dueOn,
  createdAt: supportRequest.createdAt,
  updatedAt: supportRequest.updatedAt,
};

type ListRow = { projectId: string | null; communeSlug: string | null } & Omit<
  RequestListItem,
  'ref' | 'overdue' | 'projectName' | 'projectSlug' | 'communeName'
>;

/** The rows of a page as the lists show them: with their project's and commune's names. */
async function toListItems(db: Db, rows: ListRow[], today: string): Promise<RequestListItem[]> {
  const [projects, communes] = await Promise.all([
    projectSummaries(
      db,
      rows.map((r) => r.projectId),
    ),
    communesOf(
      db,
      rows.map((r) => r.communeSlug),
    ),
  ]);
  return rows.map(({ projectId, communeSlug, ...r }) => {
    const p = projectId ? projects.get(projectId) : undefined;
    return {
      ...r,
      ref: requestRef(r.number),
      overdue: isOverdue(r, today),
      projectName: p?.name ?? null,
      projectSlug: p?.slug ?? null,
      communeName: (communeSlug && communes.get(communeSlug)?.name) || null,
    };
  });
}

/** Every word of the search in the request's text or in its project's name (accents ignored). */
function searchCondition(q: string): SQL {
  const text = sql`lower(f_unaccent(${supportRequest.body} || ' ' || ${supportRequest.contactName}))`;
  const words = searchTerm(q).split(' ').filter(Boolean);
  if (words.length === 0) return sql`true`;
  return and(
    ...words.map((w) => or(matches(text, w), sql`${supportRequest.projectId} in ${projectIdsWhere({ q: w })}`)),
  ) as SQL;
}

/**
 * In progress, every need has help connected, and none of that help is still to be done: the
 * request waits only for the officer to record the outcome.
 */
const readyToClose = sql`${supportRequest.status} = 'in_progress'
  and not exists (select 1 from unnest(${supportRequest.needs}) as wanted(need)
    where not exists (select 1 from ${requestLink} where ${requestLink.requestId} = ${supportRequest.id}
      and coalesce(${requestLink.need}, ${supportRequest.kind}) = wanted.need))
  and not exists (select 1 from ${requestLink} where ${requestLink.requestId} = ${supportRequest.id}
    and ((${requestLink.type} = 'engagement' and ${requestLink.targetId} in ${unfinishedEngagementIds()})
      or (${requestLink.type} = 'introduction' and ${requestLink.targetId} in ${unansweredIntroductionIds()})))`;

function inboxCondition(actor: Actor, f: InboxFilters, today: string): SQL | undefined {
  const where: SQL[] = [];
  // Written out, not as parameters: the planner then sees it is the partial indexes' condition.
  const open = sql`${supportRequest.status} in ('new', 'accepted', 'in_progress')`;
  switch (f.view ?? 'open') {
    case 'new':
      where.push(eq(supportRequest.status, 'new'));
      break;
    case 'mine':
      where.push(eq(supportRequest.assigneeId, actor.id), open);
      break;
    case 'overdue':
      where.push(open, lt(supportRequest.dueOn, today));
      break;
    case 'ready':
      where.push(readyToClose);
      break;
    case 'open':
      where.push(open);
      break;
    case 'closed':
      where.push(inArray(supportRequest.status, ['resolved', 'declined']));
      break;
    case 'all':
      break;
  }
  if (f.status) where.push(eq(supportRequest.status, f.status));
  if (f.kind) where.push(eq(supportRequest.kind, f.kind));
  if (f.commune) where.push(eq(supportRequest.communeSlug, f.commune));
  if (f.q?.trim()) {
    const digits = f.q.replace(/^\s*yc-?\s*/i, '').trim();
    const text = searchCondition(f.q);
    where.push(/^\d{1,9}$/.test(digits) ? (or(eq(supportRequest.number, Number(digits)), text) as SQL) : text);
  }
  return where.length ? and(...where) : undefined;
}

/** The officers' inbox: one view (new, mine, overdue, ready to close, open, closed, all) with filters, a page at a time. */
export async function listInbox({
  db,
  actor,
  filters,
  page,
  now = new Date(),
}: {
  db: Db;
  actor: Actor;
  filters: InboxFilters;
  page: Page;
  now?: Date;
}) {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const today = todayInVietnam(now);
  const condition = inboxCondition(actor, filters, today);
  const order =
    filters.view === 'overdue'
      ? [asc(supportRequest.dueOn), asc(supportRequest.number)]
      : [
          sql`${supportRequest.urgency} desc nulls first`,
          sql`${supportRequest.createdAt} desc nulls first`,
          sql`${supportRequest.number} desc nulls first`,
        ];
  const [rows, [total]] = await Promise.all([
    db
      .select(listColumns)
      .from(supportRequest)
      .where(condition)
      .orderBy(...order)
      .limit(page.perPage)
      .offset(page.offset),
    db.select({ n: count() }).from(supportRequest).where(condition),
  ]);
  return { items: await toListItems(db, rows, today), total: total?.n ?? 0 };
}

export type InboxCounts = Record<'new' | 'mine' | 'overdue' | 'ready' | 'open', number>;

/** How many requests each tab of the inbox holds. */
export async function inboxCounts(db: Db, actor: Actor, now = new Date()): Promise<InboxCounts> {
  const today = todayInVietnam(now);
  const open = sql`${supportRequest.status} in ('new', 'accepted', 'in_progress')`;
  const [row] = await db
    .select({
      new: sql<number>`count(*) filter (where ${supportRequest.status} = 'new')::int`,
      mine: sql<number>`count(*) filter (where ${open} and ${supportRequest.assigneeId} = ${actor.id})::int`,
      overdue: sql<number>`count(*) filter (where ${open} and ${supportRequest.dueOn} < ${today})::int`,
      ready: sql<number>`count(*) filter (where ${readyToClose})::int`,
      open: sql<number>`count(*)::int`,
    })
    .from(supportRequest)
    .where(open);
  return row ?? { new: 0, mine: 0, overdue: 0, ready: 0, open: 0 };
}

/** "My requests": filed by me, or for a project I am in; walk-in requests with my e-mail or phone are claimed first. */
export async function listMyRequests({ db, actor, page }: { db: Db; actor: Actor; page: Page }) {
  await claimRequests(db, actor);
  const mine = or(
    eq(supportRequest.requesterId, actor.id),
    sql`${supportRequest.projectId} in ${projectIdsWhere({ memberId: actor.id })}`,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select(listColumns)
      .from(supportRequest)
      .where(mine)
      .orderBy(desc(supportRequest.updatedAt), desc(supportRequest.number))
      .limit(page.perPage)
      .offset(page.offset),
    db.select({ n: count() }).from(supportRequest).where(mine),
  ]);
  return { items: await toListItems(db, rows, todayInVietnam()), total: total?.n ?? 0 };
}
