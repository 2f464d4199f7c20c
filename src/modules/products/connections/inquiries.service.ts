import { and, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { audit } from '#kernel/audit/audit.ts';
import { user } from '#kernel/auth/auth.sql.ts';
import { type Actor, isStaff } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { AppError } from '#kernel/http/errors.ts';
import { translator } from '#kernel/i18n/index.ts';
import { type Mailer, queueMail } from '#kernel/mail/mailer.ts';
import { projectIdsWhere, projectSummaries, teamOf } from '#modules/projects/index.ts';
import { productContext } from '../catalogue/products.service.ts';
import { product, productInquiry } from '../catalogue/products.sql.ts';
import type { InquiryInput } from '../products.schemas.ts';

const vi = translator('vi');

export type Inquiry = typeof productInquiry.$inferSelect;

/** Who hears of a buyer's question: the project's case officer (else every officer) and its team members with an account. */
async function recipientsOf(db: Db, projectId: string, caseOfficerId: string | null): Promise<string[]> {
  const officers = await db
    .select({ email: user.email })
    .from(user)
    .where(
      caseOfficerId
        ? eq(user.id, caseOfficerId)
        : and(eq(user.role, 'officer'), sql`coalesce(${user.banned}, false) = false`),
    );
  const team = (await teamOf(db, projectId)).flatMap((m) => (m.email ? [m.email] : []));
  return [...new Set([...officers.map((r) => r.email), ...team])];
}

/**
 * A buyer asks about a product from its public page. The inquiry is kept for the officer and the
 * team (who see it under /hoi-mua) and each of them gets an e-mail.
 */
export async function createInquiry({
  db,
  mailer,
  actor,
  slug,
  input,
  baseUrl,
}: {
  db: Db;
  mailer: Mailer;
  actor: Actor | null;
  slug: string;
  input: InquiryInput;
  baseUrl: string;
}) {
  const ctx = await productContext({ db, actor, slug });
  const recipients = await recipientsOf(db, ctx.project.id, ctx.project.caseOfficerId);
  const text = vi('products.inquiry.mail.body', {
    product: ctx.product.name,
    name: input.name,
    organisation: input.organisation || '—',
    email: input.email,
    phone: input.phone || '—',
    quantity: input.quantity || '—',
    message: input.message,
    link: `${baseUrl}/hoi-mua`,
  });
  const subject = vi('products.inquiry.mail.subject', { product: ctx.product.name });
  const inquiry = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(productInquiry)
      .values({
        productId: ctx.product.id,
        name: input.name,
        organisation: input.organisation,
        email: input.email,
        phone: input.phone,
        quantity: input.quantity,
        message: input.message,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await audit(tx, {
      actorId: actor?.id ?? null,
      action: 'product.inquiry',
      entity: 'product',
      entityId: ctx.product.id,
    });
    await queueMail(
      tx,
      recipients.map((to) => ({ to, subject, text })),
    );
    return row;
  });
  mailer.wake();
  return inquiry;
}

export interface InquiryRow extends Inquiry {
  productName: string;
  productSlug: string;
  projectName: string;
  projectSlug: string;
}

/** Inquiries: staff see all of them; a founder sees those about their team's products. */
export async function listInquiries({
  db,
  actor,
  status,
}: {
  db: Db;
  actor: Actor;
  status?: string;
}): Promise<InquiryRow[]> {
  if (!isStaff(actor) && actor.role !== 'founder') throw new AppError('forbidden');
  const where: SQL[] = [];
  if (!isStaff(actor)) where.push(sql`${product.projectId} in ${projectIdsWhere({ memberId: actor.id })}`);
  if (status) where.push(eq(productInquiry.status, status));
  const rows = await inquiryRows(db)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(productInquiry.createdAt))
    .limit(200);
  return withProjects(db, rows);
}

function inquiryRows(db: Db) {
  return db
    .select({
      inquiry: productInquiry,
      productName: product.name,
      productSlug: product.slug,
      projectId: product.projectId,
    })
    .from(productInquiry)
    .innerJoin(product, eq(product.id, productInquiry.productId));
}

/** Adds the name and address of each inquiry's project (read from the projects module). */
async function withProjects(
  db: Db,
  rows: { inquiry: Inquiry; productName: string; productSlug: string; projectId: string }[],
): Promise<InquiryRow[]> {
  const projects = await projectSummaries(
    db,
    rows.map((r) => r.projectId),
  );
  return rows.flatMap((r) => {
    const p = projects.get(r.projectId);
    if (!p) return [];
    return [
      {
        ...r.inquiry,
        productName: r.productName,
        productSlug: r.productSlug,
        projectName: p.name,
        projectSlug: p.slug,
      },
    ];
  });
}

/** One inquiry, for staff turning it into a connection. */
export async function getInquiry(db: Db, actor: Actor, id: string): Promise<InquiryRow> {
  if (!isStaff(actor)) throw new AppError('forbidden');
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('not_found');
  const [r] = await withProjects(db, await inquiryRows(db).where(eq(productInquiry.id, id)));
  if (!r) throw new AppError('not_found');
  return r;
}

/** Staff close an inquiry that leads nowhere (spam, a question answered by phone). */
export async function closeInquiry({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const inquiry = await getInquiry(db, actor, id);
  await db
    .update(productInquiry)
    .set({ status: 'closed' })
    .where(
      and(eq(productInquiry.id, inquiry.id), or(eq(productInquiry.status, 'new'), eq(productInquiry.status, 'closed'))),
    );
  return inquiry;
}

export async function markInquiryConnected(db: Db, ids: string[], connectionId: string) {
  if (ids.length)
    await db.update(productInquiry).set({ status: 'connected', connectionId }).where(inArray(productInquiry.id, ids));
}
