import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '#src/testing/browser.ts';
import { freePort, newDataDir, overHttp, type RunningServer, startServer } from '#src/testing/server.ts';

// The slow part of `npm run test:trust` (left out of `npm test`): the real server in its own
// process on PGlite, killed with SIGKILL while it writes, again and again. Every write it
// acknowledged (a 303 to the new partner's page) must be there after the restarts.

/** How many times the server is killed under writes; TRUST_KILLS may change it. */
const kills = Number(process.env.TRUST_KILLS) || 200;
/** Writers sending forms at once while the server is killed. */
const writers = 4;

let server: RunningServer | undefined;
let dataDir = '';
afterAll(async () => {
  await server?.kill9();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe(`kill -9 under writes, ${kills} times, on PGlite`, () => {
  it('loses no acknowledged write, and the server starts again every time', { timeout: 0 }, async () => {
    const admin = { email: 'quantri.ben@vidu.vn', password: 'Ben-Vung@2026' };
    dataDir = newDataDir(admin);
    const port = await freePort();
    server = await startServer(dataDir, port);
    const b = new TestBrowser(overHttp(() => server?.url ?? ''));
    await b.get('/dang-nhap');
    await b.signIn(admin.email, admin.password);

    const acknowledged: string[] = [];
    let n = 0;
    let restarts = 0;
    for (let round = 0; round < kills; round++) {
      let stop = false;
      const writer = async () => {
        while (!stop) {
          const name = `Đối tác bền ${++n}`;
          try {
            const res = await b.post('/doi-tac/moi', {
              name,
              kind: 'business',
              summary: 'Ghi trong lúc máy chủ bị tắt đột ngột.',
              anywhere: 'on',
              isPublic: 'on',
            });
            if (res.status !== 303) throw new Error(`${res.status}: ${(await res.text()).slice(0, 300)}`);
            acknowledged.push(res.headers.get('location') ?? '');
          } catch (error) {
            // The connection dropped: the write was never acknowledged, it may or may not be there.
            if (stop) return;
            if (error instanceof Error && /^\d{3}:/.test(error.message)) throw error;
            return;
          }
        }
      };
      const running = Array.from({ length: writers }, writer);
      // Once this round has a write acknowledged, kill at a moment that varies, writes in flight.
      const had = acknowledged.length;
      for (let waited = 0; acknowledged.length === had && waited < 30_000; waited += 20)
        await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, (round * 37) % 200));
      await server.kill9();
      stop = true;
      await Promise.all(running);
      server = await startServer(dataDir, port);
      restarts++;
    }
    expect(restarts).toBe(kills);
    expect(acknowledged.length).toBeGreaterThan(kills);

    // Every acknowledged partner has its page (read through the restarted server).
    const missing: string[] = [];
    for (const location of acknowledged) {
      const res = await b.get(location);
      await res.arrayBuffer();
      if (res.status !== 200) missing.push(`${location}: ${res.status}`);
    }
    expect(missing).toEqual([]);
  });
});
