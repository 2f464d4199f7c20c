import { and, eq } from 'drizzle-orm';
import { audit } from '#kernel/audit/audit.ts';
import { type Actor, isStaff } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { deleteFiles, loadFile, MB, readUpload, saveFile } from '#kernel/files/files.ts';
import { AppError } from '#kernel/http/errors.ts';
import { editableProduct, productContext, refreshReadiness } from '../catalogue/products.service.ts';
import { readinessItem } from '../catalogue/products.sql.ts';
import { partnerMaySeeDocuments } from '../connections/connections.service.ts';
import type { ReadinessInput } from '../products.schemas.ts';
import { itemVariants, type ReadinessItemCode, readinessItems } from '../products.taxonomy.ts';

export const MAX_DOCUMENT_BYTES = 10 * MB;

function itemCode(raw: string): ReadinessItemCode {
  const code = readinessItems.find((c) => c === raw);
  if (!code) throw new AppError('not_found');
  return code;
}

/**
 * The team (or staff) fills in one checklist line, optionally with its document (PDF or a photo
 * of the paper, checked by content). Any change waits for an officer's check again.
 */
export async function updateReadinessItem({
  db,
  actor,
  slug,
  item,
  input,
  file,
}: {
  db: Db;
  actor: Actor;
  slug: string;
  item: string;
  input: ReadinessInput;
  file?: File;
}) {
  const { product } = await editableProduct({ db, actor, slug });
  const code = itemCode(item);
  const variants = itemVariants[code] ?? [];
  if (input.variant && !variants.includes(input.variant))
    throw new AppError('validation', 'errors.validation', { variant: 'v.choose' });
  if (input.status === 'done' && variants.length > 0 && !input.variant)
    throw new AppError('validation', 'errors.validation', { variant: 'products.v.variant' });
  const upload = file
    ? await readUpload(file, 'file', { accept: 'document', maxBytes: MAX_DOCUMENT_BYTES, maxSide: 2000 })
    : undefined;
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(readinessItem)
      .where(and(eq(readinessItem.productId, product.id), eq(readinessItem.item, code)));
    if (!current) throw new AppError('not_found');
    const next = {
      status: input.status,
      variant: input.variant,
      number: input.number,
      issuedOn: input.issuedOn ?? null,
      expiresOn: input.expiresOn ?? null,
      note: input.note,
    };
    const changed =
      upload !== undefined ||
      input.removeFile ||
      (Object.keys(next) as (keyof typeof next)[]).some((k) => next[k] !== current[k]);
    let fileId = current.fileId;
    if (upload) fileId = (await saveFile(tx, upload, actor.id)).id;
    else if (input.removeFile) fileId = null;
    await tx
      .update(readinessItem)
      .set({
        ...next,
        fileId,
        ...(changed ? { verifiedAt: null, verifiedBy: null } : {}),
        updatedBy: actor.id,
        updatedAt: new Date(),
      })
      .where(eq(readinessItem.id, current.id));
    if (current.fileId && current.fileId !== fileId) await deleteFiles(tx, [current.fileId]);
    await refreshReadiness(tx, product.id);
    await audit(tx, {
      actorId: actor.id,
      action: 'product.readiness.update',
      entity: 'product',
      entityId: product.id,
      data: { item: code, status: input.status },
    });
    return { product, item: code };
  });
}

/** An officer confirms a done item after looking at its document. */
export async function verifyReadinessItem({
  db,
  actor,
  slug,
  item,
}: {
  db: Db;
  actor: Actor;
  slug: string;
  item: string;
}) {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const { product } = await productContext({ db, actor, slug });
  const code = itemCode(item);
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(readinessItem)
      .where(and(eq(readinessItem.productId, product.id), eq(readinessItem.item, code)));
    if (!current) throw new AppError('not_found');
    if (current.status !== 'done') throw new AppError('conflict', 'products.errors.verifyNotDone');
    await tx
      .update(readinessItem)
      .set({ verifiedAt: new Date(), verifiedBy: actor.id })
      .where(eq(readinessItem.id, current.id));
    await refreshReadiness(tx, product.id);
    await audit(tx, {
      actorId: actor.id,
      action: 'product.readiness.verify',
      entity: 'product',
      entityId: product.id,
      data: { item: code },
    });
    return { product, item: code };
  });
}

/**
 * A checklist document: for the product's team and staff, and for a partner in a sales
 * connection on this product when the team has agreed to share its documents with them.
 */
export async function readinessDocument({
  db,
  actor,
  slug,
  item,
}: {
  db: Db;
  actor: Actor;
  slug: string;
  item: string;
}) {
  const code = itemCode(item);
  let productId: string;
  try {
    const ctx = await productContext({ db, actor, slug });
    if (!ctx.canEdit && !(await partnerMaySeeDocuments(db, actor, ctx.product.id))) throw new AppError('forbidden');
    productId = ctx.product.id;
  } catch (error) {
    // A partner may be shown the documents of a product that is not on the showcase.
    if (!(error instanceof AppError) || error.code !== 'not_found' || actor.role !== 'partner') throw error;
    const shared = await partnerMaySeeDocuments(db, actor, undefined, slug);
    if (!shared) throw error;
    productId = shared;
  }
  const [line] = await db
    .select()
    .from(readinessItem)
    .where(and(eq(readinessItem.productId, productId), eq(readinessItem.item, code)));
  const file = line?.fileId ? await loadFile(db, line.fileId) : null;
  if (!file) throw new AppError('not_found');
  return file;
}
