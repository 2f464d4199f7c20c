import { and, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import type { Db } from '#kernel/db/client.ts';
import type { Logger } from '#kernel/log.ts';
import { mailOutbox } from './mail.sql.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Writes e-mails to the outbox. Call it with the transaction of the change that causes them: the
 * mails exist if and only if the change does, and nothing slow happens inside the request. The
 * mail worker sends them.
 * @example await db.transaction(async (tx) => { …; await queueMail(tx, { to, subject, text }) })
 */
export async function queueMail(db: Db, mail: Mail | readonly Mail[]): Promise<void> {
  const mails = (Array.isArray(mail) ? mail : [mail]).filter((m: Mail) => m.to);
  if (mails.length === 0) return;
  await db.insert(mailOutbox).values(mails.map((m: Mail) => ({ to: m.to, subject: m.subject, text: m.text })));
}

/** How a mail leaves: over SMTP, or kept in the outbox for admins when no SMTP is configured. */
export interface Transport {
  kind: 'smtp' | 'keep';
  send(mail: Mail): Promise<void>;
}

export function smtpTransport(smtpUrl: string, from: string): Transport {
  let transport: Transporter | undefined;
  return {
    kind: 'smtp',
    async send(mail) {
      transport ??= (await import('nodemailer')).default.createTransport(smtpUrl);
      await transport.sendMail({ from, ...mail });
    },
  };
}

export const keepTransport: Transport = { kind: 'keep', send: async () => {} };

/** Minutes to wait before each retry; after the last, the mail is marked failed. */
export const retryMinutes = [1, 5, 30, 120, 720] as const;
/** How long a worker may hold a claimed mail before another may take it (a process that died). */
const claimMinutes = 5;

export interface Mailer {
  /** Sends what is due now; returns what happened. Tests and the CLI call it directly. */
  runOnce(now?: Date): Promise<{ sent: number; retried: number; failed: number }>;
  /** Asks the running worker to look at the outbox soon (after a request has queued mail). */
  wake(): void;
  /** Starts polling every `intervalMs`; returns a function that stops it. */
  start(intervalMs?: number): () => Promise<void>;
}

/**
 * The outbox worker. It claims due mails with `FOR UPDATE SKIP LOCKED` (several processes on one
 * PostgreSQL never take the same mail), sends them outside any transaction, and records the
 * result: sent, or a retry later with back-off, or failed after the last retry.
 */
export function createMailer({
  db,
  transport,
  logger,
  batch = 20,
}: {
  db: Db;
  transport: Transport;
  logger: Logger;
  batch?: number;
}): Mailer {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let again = false;

  async function claim(now: Date) {
    const due = or(
      and(eq(mailOutbox.status, 'queued'), lte(mailOutbox.nextAttemptAt, now)),
      and(eq(mailOutbox.status, 'sending'), lte(mailOutbox.lockedUntil, now)),
    );
    const ids = db
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(due)
      .orderBy(mailOutbox.nextAttemptAt)
      .limit(batch)
      .for('update', { skipLocked: true });
    return db
      .update(mailOutbox)
      .set({
        status: 'sending',
        attempts: sql`${mailOutbox.attempts} + 1`,
        lockedUntil: new Date(now.getTime() + claimMinutes * 60_000),
      })
      .where(inArray(mailOutbox.id, ids))
      .returning();
  }

  async function runOnce(now = new Date()) {
    const result = { sent: 0, retried: 0, failed: 0 };
    const claimed = await claim(now);
    for (const mail of claimed) {
      try {
        await transport.send({ to: mail.to, subject: mail.subject, text: mail.text });
        const status = transport.kind === 'smtp' ? 'sent' : 'kept';
        await db
          .update(mailOutbox)
          .set({ status, sentAt: new Date(), lockedUntil: null, error: null })
          .where(eq(mailOutbox.id, mail.id));
        result.sent++;
      } catch (error) {
        const message = (error as Error).message.slice(0, 500);
        const wait = retryMinutes[mail.attempts - 1];
        if (wait === undefined) {
          await db
            .update(mailOutbox)
            .set({ status: 'failed', lockedUntil: null, error: message })
            .where(eq(mailOutbox.id, mail.id));
          result.failed++;
          logger.error({ mail: mail.id, attempts: mail.attempts, err: message }, 'mail failed for good');
        } else {
          await db
            .update(mailOutbox)
            .set({
              status: 'queued',
              lockedUntil: null,
              error: message,
              nextAttemptAt: new Date(now.getTime() + wait * 60_000),
            })
            .where(eq(mailOutbox.id, mail.id));
          result.retried++;
          logger.warn(
            { mail: mail.id, attempts: mail.attempts, retryInMinutes: wait, err: message },
            'mail will be retried',
          );
        }
      }
    }
    return result;
  }

  function tick() {
    if (running) {
      again = true;
      return;
    }
    running = runOnce()
      .catch((error: Error) => logger.error({ err: error.message }, 'mail worker failed'))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          tick();
        }
      });
  }

  const wake = () => {
    if (timer) setImmediate(tick);
  };
  return {
    runOnce,
    wake,
    start(intervalMs = 10_000) {
      timer = setInterval(tick, intervalMs);
      timer.unref();
      tick();
      return async () => {
        clearInterval(timer);
        timer = undefined;
        await running;
      };
    },
  };
}

/** An admin sends a failed mail again: it is queued at once with its attempts counted afresh. */
export async function requeueMail(db: Db, id: string): Promise<boolean> {
  const done = await db
    .update(mailOutbox)
    .set({ status: 'queued', attempts: 0, nextAttemptAt: new Date(), lockedUntil: null })
    .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'failed')))
    .returning({ id: mailOutbox.id });
  return done.length > 0;
}
