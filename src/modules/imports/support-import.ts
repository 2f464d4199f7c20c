import { createHash } from 'node:crypto';
import type { Actor } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { translator } from '#kernel/i18n/index.ts';
import { ledgerEntries, recordSupport, type SupportKind } from '#modules/support/index.ts';
import type { SupportRecord } from './rows.ts';

const vi = translator('vi');

/**
 * One past support entry: a ledger row whose source is the import and, as its id, a digest of
 * its natural key (project, kind, day, what was done). The same entry in another file, or the
 * same file again, finds it and adds nothing.
 */
export async function importSupport(
  tx: Db,
  actor: Actor,
  r: SupportRecord,
  key: string,
): Promise<{ sourceId: string; created: boolean }> {
  const sourceId = createHash('sha256').update(key).digest('hex').slice(0, 32);
  const [existing] = await ledgerEntries(tx, { sourceKind: 'import', sourceId });
  if (existing) return { sourceId, created: false };
  await recordSupport({
    db: tx,
    actor,
    input: {
      projectId: r.projectId,
      kind: r.supportKind as SupportKind,
      title: r.title,
      providerKind: 'organisation',
      providerName: r.provider || vi('imports.support.provider'),
      startedOn: r.startedOn,
      endedOn: r.endedOn,
      status: 'done',
      outcome: r.outcome,
      source: { kind: 'import', id: sourceId },
    },
  });
  return { sourceId, created: true };
}
