import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { audit } from '#kernel/audit/audit.ts';
import { type Actor, isStaff } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { isUuid } from '#kernel/db/keys.ts';
import { deleteFiles, loadFile, readUpload, saveFile } from '#kernel/files/files.ts';
import { AppError } from '#kernel/http/errors.ts';
import { formatVnd, translator } from '#kernel/i18n/index.ts';
import { labelOf } from '#kernel/ui/labels.ts';
import { partnerIdsOfUser, partnerSummaries } from '#modules/partners/index.ts';
import { communesOf } from '#modules/places/index.ts';
import { getProject, isMember, projectIdsWhere, projectSummaries } from '#modules/projects/index.ts';
import { recordSupport, type SupportStatus } from '#modules/support/index.ts';
import { product, productInquiry } from '../catalogue/products.sql.ts';
import type { BoardFilters, ConnectionInput, OutcomeInput, StageInput } from '../products.schemas.ts';
import { connectionStep, salesConnection } from './connections.sql.ts';
import { markInquiryConnected } from './inquiries.service.ts';

const vi = translator('vi');

export type Connection = typeof salesConnection.$inferSelect;
export type ConnectionStepRow = typeof connectionStep.$inferSelect;

/** Sales growth over the period, in whole percent, from the figures typed: never typed itself. */
export function salesGrowthPercent(
  before: number | null | undefined,
  after: number | null | undefined,
): number | undefined {
  if (before === null || before === undefined || after === null || after === undefined || before <= 0) return undefined;
  return Math.round(((after - before) / before) * 100);
}

const ledgerStatus = (stage: string): SupportStatus =>
  stage === 'contract_signed' ? 'done' : stage === 'not_pursued' ? 'cancelled' : 'in_progress';

/** Writes (or rewrites) the connection's one ledger entry, with its outcome and figures. */
async function recordConnectionSupport(db: Db, actor: Actor, c: Connection) {
  const [row] = await db
    .select({ productName: product.name })
    .from(salesConnection)
    .leftJoin(product, eq(product.id, salesConnection.productId))
    .where(eq(salesConnection.id, c.id));
  const partnerName = (await partnerSummaries(db, [c.partnerId])).get(c.partnerId)?.name;
  const projectName = (await projectSummaries(db, [c.projectId])).get(c.projectId)?.name;
  if (!row || partnerName === undefined || projectName === undefined) throw new Error('connection vanished');
  const names = { partnerName, projectName, productName: row.productName };
  const growth = salesGrowthPercent(c.salesBeforeVnd, c.salesAfterVnd);
  const outcome = [
    vi('products.connection.ledgerStage', { stage: labelOf(vi, 'products.stage', c.stage) }),
    c.contractValueVnd !== null
      ? vi('products.connection.ledgerContract', { value: formatVnd(c.contractValueVnd) })
      : '',
    c.contractVolume ? vi('products.connection.ledgerVolume', { volume: c.contractVolume }) : '',
    growth !== undefined ? vi('products.connection.ledgerGrowth', { growth, period: c.salesPeriod || '—' }) : '',
  ]
    .filter(Boolean)
    .join(' ');
  const closed = c.stage === 'contract_signed' || c.stage === 'not_pursued';
  await recordSupport({
    db,
    actor,
    input: {
      projectId: c.projectId,
      kind: 'market_connection',
      title: vi('products.connection.ledgerTitle', {
        what: names.productName ?? names.projectName,
        partner: names.partnerName,
      }),
      providerKind: 'partner',
      providerName: names.partnerName,
      startedOn: c.startedOn,
      endedOn: closed ? (c.contractSignedOn ?? c.stageOn) : null,
      status: ledgerStatus(c.stage),
      outcome,
      figures: {
        ...(c.contractValueVnd !== null ? { contractValueVnd: c.contractValueVnd } : {}),
        ...(growth !== undefined ? { salesGrowthPercent: growth } : {}),
      },
      source: { kind: 'sales_connection', id: c.id },
    },
  });
}

async function resolveTarget(
  db: Db,
  actor: Actor,
  input: ConnectionInput,
): Promise<{ projectId: string; productId: string | null }> {
  if (input.product) {
    const [row] = await db
      .select({ id: product.id, projectId: product.projectId })
      .from(product)
      .where(eq(product.slug, input.product));
    if (!row) throw new AppError('validation', 'errors.validation', { product: 'v.choose' });
    return { projectId: row.projectId, productId: row.id };
  }
  try {
    const p = await getProject({ db, actor, slug: input.project });
    return { projectId: p.id, productId: null };
  } catch {
    throw new AppError('validation', 'errors.validation', { project: 'v.choose' });
  }
}

/**
 * Staff open a sales connection between a product (or a project) and a partner; it enters the
 * ledger at once (kind market connection) and follows every later move.
 */
export async function createConnection({ db, actor, input }: { db: Db; actor: Actor; input: ConnectionInput }) {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const target = await resolveTarget(db, actor, input);
  const found = (await partnerSummaries(db, [input.partnerId])).has(input.partnerId);
  if (!found) throw new AppError('validation', 'errors.validation', { partnerId: 'v.choose' });
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(salesConnection)
      .values({
        ...target,
        partnerId: input.partnerId,
        stage: 'introduced',
        startedOn: input.startedOn,
        stageOn: input.startedOn,
        notes: input.notes,
        nextStep: input.nextStep,
        nextStepOn: input.nextStepOn ?? null,
        inquiryId: input.inquiryId ?? null,
        createdBy: actor.id,
      })
      .returning();
    if (!created) throw new Error('insert returned nothing');
    await tx.insert(connectionStep).values({
      connectionId: created.id,
      stage: 'introduced',
      on: input.startedOn,
      note: input.notes,
      nextStep: input.nextStep,
      by: actor.id,
    });
    if (input.inquiryId) await markInquiryConnected(tx, [input.inquiryId], created.id);
    await recordConnectionSupport(tx, actor, created);
    await audit(tx, {
      actorId: actor.id,
      action: 'connection.create',
      entity: 'sales_connection',
      entityId: created.id,
      data: { partner: input.partnerId },
    });
    return created;
  });
}

export interface ConnectionView extends Connection {
  partnerName: string;
  partnerSlug: string;
  projectName: string;
  projectSlug: string;
  communeName: string | null;
  productName: string | null;
  productSlug: string | null;
  growthPercent: number | undefined;
}

const viewColumns = {
  connection: salesConnection,
  productName: product.name,
  productSlug: product.slug,
};

function baseQuery(db: Db) {
  return db.select(viewColumns).from(salesConnection).leftJoin(product, eq(product.id, salesConnection.productId));
}

/** Adds the partner's, the project's and its commune's names (read from their modules) to each row. */
async function viewsOf(
  db: Db,
  rows: { connection: Connection; productName: string | null; productSlug: string | null }[],
): Promise<ConnectionView[]> {
  const partners = await partnerSummaries(
    db,
    rows.map((r) => r.connection.partnerId),
  );
  const projects = await projectSummaries(
    db,
    rows.map((r) => r.connection.projectId),
  );
  const communes = await communesOf(
    db,
    [...projects.values()].map((p) => p.communeSlug),
  );
  const views: ConnectionView[] = [];
  for (const { connection, ...rest } of rows) {
    const partner = partners.get(connection.partnerId);
    const project = projects.get(connection.projectId);
    if (!partner || !project) continue;
    views.push({
      ...connection,
      ...rest,
      partnerName: partner.name,
      partnerSlug: partner.slug,
      projectName: project.name,
      projectSlug: project.slug,
      communeName: (project.communeSlug && communes.get(project.communeSlug)?.name) || null,
      growthPercent: salesGrowthPercent(connection.salesBeforeVnd, connection.salesAfterVnd),
    });
  }
  return views;
}

export interface ConnectionAccess {
  isStaff: boolean;
  isTeam: boolean;
  isPartner: boolean;
}

/** A connection for staff, the project's team, and the partner's people; 404 for anyone else. */
export async function getConnection({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor;
  id: string;
}): Promise<{ connection: ConnectionView; steps: ConnectionStepRow[]; access: ConnectionAccess }> {
  if (!isUuid(id)) throw new AppError('not_found');
  const [view] = await viewsOf(db, await baseQuery(db).where(eq(salesConnection.id, id)));
  if (!view) throw new AppError('not_found');
  const access: ConnectionAccess = {
    isStaff: isStaff(actor),
    isTeam: await isMember(db, { projectId: view.projectId, userId: actor.id }),
    isPartner: actor.role === 'partner' && (await partnerIdsOfUser(db, actor.id)).includes(view.partnerId),
  };
  if (!access.isStaff && !access.isTeam && !access.isPartner) throw new AppError('not_found');
  const steps = await db
    .select()
    .from(connectionStep)
    .where(eq(connectionStep.connectionId, id))
    .orderBy(desc(connectionStep.on), desc(connectionStep.createdAt));
  return { connection: view, steps, access };
}

async function staffConnection(db: Db, actor: Actor, id: string): Promise<Connection> {
  if (!isStaff(actor)) throw new AppError('forbidden');
  if (!isUuid(id)) throw new AppError('not_found');
  const [row] = await db.select().from(salesConnection).where(eq(salesConnection.id, id));
  if (!row) throw new AppError('not_found');
  return row;
}

/** A move on the board: the stage, its date, a note and the next step; the ledger entry follows. */
export async function moveConnection({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: StageInput;
}) {
  const current = await staffConnection(db, actor, id);
  if (input.on < current.startedOn)
    throw new AppError('validation', 'errors.validation', { on: 'products.v.beforeStart' });
  return db.transaction(async (tx) => {
    // The row is locked and read again: two officers moving one card at once apply one after the
    // other, and only the first signing sets the contract's date.
    const [locked] = await tx
      .select({ contractSignedOn: salesConnection.contractSignedOn })
      .from(salesConnection)
      .where(eq(salesConnection.id, current.id))
      .for('update');
    const [updated] = await tx
      .update(salesConnection)
      .set({
        stage: input.stage,
        stageOn: input.on,
        nextStep: input.nextStep,
        nextStepOn: input.nextStepOn ?? null,
        ...(input.stage === 'contract_signed' && !locked?.contractSignedOn ? { contractSignedOn: input.on } : {}),
        updatedAt: new Date(),
      })
      .where(eq(salesConnection.id, id))
      .returning();
    if (!updated) throw new AppError('not_found');
    await tx.insert(connectionStep).values({
      connectionId: id,
      stage: input.stage,
      on: input.on,
      note: input.note,
      nextStep: input.nextStep,
      by: actor.id,
    });
    await recordConnectionSupport(tx, actor, updated);
    await audit(tx, {
      actorId: actor.id,
      action: 'connection.move',
      entity: 'sales_connection',
      entityId: id,
      data: { stage: input.stage },
    });
    return updated;
  });
}

/** The outcome: the contract (with its document) and sales before and after; the ledger entry follows. */
export async function saveOutcome({
  db,
  actor,
  id,
  input,
  file,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: OutcomeInput;
  file?: File;
}) {
  const current = await staffConnection(db, actor, id);
  const upload = file
    ? await readUpload(file, 'contractFile', { accept: 'document', maxBytes: 10 * 1024 * 1024, maxSide: 2000 })
    : undefined;
  return db.transaction(async (tx) => {
    let contractFileId = current.contractFileId;
    if (upload) contractFileId = (await saveFile(tx, upload, actor.id)).id;
    else if (input.removeFile) contractFileId = null;
    const [updated] = await tx
      .update(salesConnection)
      .set({
        contractSignedOn: input.contractSignedOn ?? null,
        contractValueVnd: input.contractValueVnd ?? null,
        contractVolume: input.contractVolume,
        contractMonths: input.contractMonths ?? null,
        contractFileId,
        salesPeriod: input.salesPeriod,
        salesBeforeVnd: input.salesBeforeVnd ?? null,
        salesAfterVnd: input.salesAfterVnd ?? null,
        updatedAt: new Date(),
      })
      .where(eq(salesConnection.id, id))
      .returning();
    if (!updated) throw new AppError('not_found');
    if (current.contractFileId && current.contractFileId !== contractFileId)
      await deleteFiles(tx, [current.contractFileId]);
    await recordConnectionSupport(tx, actor, updated);
    await audit(tx, { actorId: actor.id, action: 'connection.outcome', entity: 'sales_connection', entityId: id });
    return updated;
  });
}

/** The team decides whether the partner may see the product's documents. */
export async function setDocumentSharing({
  db,
  actor,
  id,
  share,
}: {
  db: Db;
  actor: Actor;
  id: string;
  share: boolean;
}) {
  const { connection, access } = await getConnection({ db, actor, id });
  if (!access.isTeam) throw new AppError('forbidden');
  await db.transaction(async (tx) => {
    await tx
      .update(salesConnection)
      .set({ shareDocuments: share, updatedAt: new Date() })
      .where(eq(salesConnection.id, connection.id));
    await audit(tx, {
      actorId: actor.id,
      action: 'connection.share',
      entity: 'sales_connection',
      entityId: connection.id,
      data: { share },
    });
  });
  return connection;
}

/** The signed contract: for staff, the team and the partner of the connection. */
export async function contractDocument({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const { connection } = await getConnection({ db, actor, id });
  const file = connection.contractFileId ? await loadFile(db, connection.contractFileId) : null;
  if (!file) throw new AppError('not_found');
  return file;
}

/**
 * Whether a partner user is in a sales connection on this product (by id or slug) whose team
 * shares its documents; gives the product's id when so.
 */
export async function partnerMaySeeDocuments(
  db: Db,
  actor: Actor,
  productId?: string,
  slug?: string,
): Promise<string | null> {
  if (actor.role !== 'partner') return null;
  const partners = await partnerIdsOfUser(db, actor.id);
  if (partners.length === 0) return null;
  const which = productId ? eq(product.id, productId) : eq(product.slug, slug ?? '');
  const [row] = await db
    .select({ id: product.id })
    .from(salesConnection)
    .innerJoin(product, eq(product.id, salesConnection.productId))
    .where(and(which, inArray(salesConnection.partnerId, partners), eq(salesConnection.shareDocuments, true)))
    .limit(1);
  return row?.id ?? null;
}

/** The officers' board: every connection, filtered by partner, commune and stage. */
export async function listBoard({
  db,
  actor,
  filters,
}: {
  db: Db;
  actor: Actor;
  filters: BoardFilters;
}): Promise<ConnectionView[]> {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const where: SQL[] = [];
  if (filters.partner) where.push(eq(salesConnection.partnerId, filters.partner));
  if (filters.commune)
    where.push(sql`${salesConnection.projectId} in ${projectIdsWhere({ commune: filters.commune })}`);
  if (filters.stage) where.push(eq(salesConnection.stage, filters.stage));
  const rows = await baseQuery(db)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(salesConnection.stageOn), asc(salesConnection.id))
    .limit(1000);
  return viewsOf(db, rows);
}

/** What the new-connection form offers: products (of one project when given), and what an inquiry says. */
export async function connectionChoices({
  db,
  actor,
  projectSlug,
  inquiryId,
}: {
  db: Db;
  actor: Actor;
  projectSlug?: string;
  inquiryId?: string;
}) {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const inquiry =
    inquiryId && isUuid(inquiryId)
      ? ((
          await db
            .select({
              id: productInquiry.id,
              name: productInquiry.name,
              organisation: productInquiry.organisation,
              message: productInquiry.message,
              quantity: productInquiry.quantity,
              productSlug: product.slug,
            })
            .from(productInquiry)
            .innerJoin(product, eq(product.id, productInquiry.productId))
            .where(eq(productInquiry.id, inquiryId))
        )[0] ?? null)
      : null;
  let projectRow: { id: string; slug: string; name: string } | null = null;
  if (projectSlug) {
    const p = await getProject({ db, actor, slug: projectSlug });
    projectRow = { id: p.id, slug: p.slug, name: p.name };
  }
  const rows = await db
    .select({ slug: product.slug, name: product.name, projectId: product.projectId })
    .from(product)
    .where(projectRow ? eq(product.projectId, projectRow.id) : undefined)
    .orderBy(asc(product.name))
    .limit(1000);
  const projects = await projectSummaries(
    db,
    rows.map((r) => r.projectId),
  );
  const products = rows.flatMap(({ projectId, ...r }) => {
    const p = projects.get(projectId);
    return p ? [{ ...r, projectName: p.name }] : [];
  });
  return { inquiry, project: projectRow && { slug: projectRow.slug, name: projectRow.name }, products };
}
