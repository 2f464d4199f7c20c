import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '#kernel/log.ts';
import { createUser, defaultPassword } from '#seed/factories.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';
import { mailOutbox } from './mail.sql.ts';
import { createMailer, type Mail, queueMail, retryMinutes, type Transport } from './mailer.ts';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await testRuntime();
}, 120_000);
afterAll(() => rt.close());
beforeEach(async () => {
  await rt.db.delete(mailOutbox);
});

const logger = createLogger('silent');
const mail = (to: string): Mail => ({ to, subject: 'Yêu cầu YC-1 đã được tiếp nhận', text: 'Xin chào…' });

/** A mail server that refuses while `down`, and remembers what it accepted. */
function server() {
  const accepted: Mail[] = [];
  const state = { down: false };
  const transport: Transport = {
    kind: 'smtp',
    async send(m) {
      if (state.down) throw new Error('connect ECONNREFUSED 10.0.0.5:587');
      accepted.push(m);
    },
  };
  return { accepted, state, transport };
}

const minutes = (from: Date, n: number) => new Date(from.getTime() + n * 60_000);

describe('the outbox', () => {
  it('keeps a mail only if the change that caused it is committed', async () => {
    await expect(
      rt.db.transaction(async (tx) => {
        await queueMail(tx, mail('khong-gui@vi-du.vn'));
        throw new Error('the change fails after the mail was written');
      }),
    ).rejects.toThrow();
    await rt.db.transaction((tx) => queueMail(tx, mail('gui@vi-du.vn')));
    const kept = await rt.db.select({ to: mailOutbox.to, status: mailOutbox.status }).from(mailOutbox);
    expect(kept).toEqual([{ to: 'gui@vi-du.vn', status: 'queued' }]);
  });

  it('retries a mail the server refuses, later each time, then marks it failed; an admin sends it again', async () => {
    const smtp = server();
    const worker = createMailer({ db: rt.db, transport: smtp.transport, logger });
    await queueMail(rt.db, mail('tacgia@vi-du.vn'));
    smtp.state.down = true;

    let now = minutes(new Date(), 1);
    const waits: number[] = [];
    for (let attempt = 1; attempt <= retryMinutes.length; attempt++) {
      expect(await worker.runOnce(now)).toEqual({ sent: 0, retried: 1, failed: 0 });
      const [row] = await rt.db.select().from(mailOutbox);
      expect(row?.status).toBe('queued');
      expect(row?.attempts).toBe(attempt);
      expect(row?.error).toContain('ECONNREFUSED');
      // Not due before its time: nothing is sent a minute too early.
      expect(await worker.runOnce(minutes(row?.nextAttemptAt ?? now, -1))).toEqual({ sent: 0, retried: 0, failed: 0 });
      waits.push(((row?.nextAttemptAt.getTime() ?? 0) - now.getTime()) / 60_000);
      now = row?.nextAttemptAt ?? now;
    }
    expect(waits).toEqual([...retryMinutes]);
    expect(await worker.runOnce(now)).toEqual({ sent: 0, retried: 0, failed: 1 });
    const [failed] = await rt.db.select().from(mailOutbox);
    expect(failed?.status).toBe('failed');
    expect(smtp.accepted).toEqual([]);

    // The admin sees it under "Gửi lỗi" and sends it again once the server is back.
    const admin = await createUser(rt.deps, { name: 'Quản Trị', email: 'qt-mail@vi-du.vn', role: 'admin' });
    const b = new TestBrowser(rt.app);
    await b.signIn(admin.email, defaultPassword);
    const list = await b.get('/quan-tri/hop-thu?trang-thai=loi');
    expect(list.status).toBe(200);
    const page = await list.text();
    expect(page).toContain('tacgia@vi-du.vn');
    expect(page).toContain('ECONNREFUSED');
    expect(page).toContain('Gửi lại');
    const resend = await b.post(`/quan-tri/hop-thu/${failed?.id}/gui-lai`, {});
    expect(resend.status).toBe(303);
    smtp.state.down = false;
    expect(await worker.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    const [sent] = await rt.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.id, failed?.id ?? ''));
    expect(sent?.status).toBe('sent');
    expect(smtp.accepted.map((m) => m.to)).toEqual(['tacgia@vi-du.vn']);
    expect(await (await b.get('/quan-tri/hop-thu?trang-thai=loi')).text()).toContain('Không có email nào gửi lỗi.');
  });

  it('two workers at once never send the same mail twice', async () => {
    const smtp = server();
    await queueMail(
      rt.db,
      Array.from({ length: 30 }, (_, i) => mail(`nguoi${i}@vi-du.vn`)),
    );
    const a = createMailer({ db: rt.db, transport: smtp.transport, logger, batch: 7 });
    const b = createMailer({ db: rt.db, transport: smtp.transport, logger, batch: 7 });
    for (let round = 0; round < 5; round++) await Promise.all([a.runOnce(), b.runOnce()]);
    expect(smtp.accepted).toHaveLength(30);
    expect(new Set(smtp.accepted.map((m) => m.to)).size).toBe(30);
  });

  it('takes back a mail whose worker stopped while sending it', async () => {
    const smtp = server();
    await queueMail(rt.db, mail('bi-bo-do@vi-du.vn'));
    const worker = createMailer({ db: rt.db, transport: smtp.transport, logger });
    const start = new Date();
    // A worker claims it and dies before saying how it went.
    await rt.db.update(mailOutbox).set({ status: 'sending', attempts: 1, lockedUntil: minutes(start, 5) });
    expect(await worker.runOnce(minutes(start, 1))).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await worker.runOnce(minutes(start, 6))).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.accepted.map((m) => m.to)).toEqual(['bi-bo-do@vi-du.vn']);
  });
});
