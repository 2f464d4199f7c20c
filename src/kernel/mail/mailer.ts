import type { Transporter } from 'nodemailer';
import type { Db } from '#kernel/db/client.ts';
import type { Logger } from '#kernel/log.ts';
import { mailOutbox } from './mail.sql.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/**
 * The one way the site sends e-mail. Every message is kept in the outbox table; with SMTP
 * configured it is also sent and marked sent (or failed, without losing it).
 */
export function createMailer({
  db,
  smtpUrl,
  from,
  logger,
}: {
  db: Db;
  smtpUrl?: string;
  from: string;
  logger: Logger;
}): Mailer {
  let transport: Transporter | undefined;
  return {
    async send(mail) {
      if (!smtpUrl) {
        await db.insert(mailOutbox).values({ ...mail, status: 'outbox' });
        logger.info({ to: mail.to, subject: mail.subject }, 'mail kept in outbox (no SMTP configured)');
        return;
      }
      try {
        transport ??= (await import('nodemailer')).default.createTransport(smtpUrl);
        await transport.sendMail({ from, ...mail });
        await db.insert(mailOutbox).values({ ...mail, status: 'sent' });
      } catch (error) {
        logger.error({ to: mail.to, err: (error as Error).message }, 'mail failed');
        await db
          .insert(mailOutbox)
          .values({ ...mail, status: 'failed', error: (error as Error).message.slice(0, 500) });
      }
    },
  };
}
