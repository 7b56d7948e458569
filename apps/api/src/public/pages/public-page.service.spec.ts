import { EventEmitter } from 'node:events';
import { describe, expect, it } from '@jest/globals';
import type { PgNotifications } from '@app/database';
import { toLocalDate, type LotPublicView, type PublicLotRepository, type PublicLotService, type ScanRecorder } from '@app/traceability';
import { LOT_PAGES_CHANNEL } from './page-freshness.js';
import { PublicPageService } from './public-page.service.js';

/** PgNotifications' surface, driven by hand: what the page cache hears and whether it is listening. */
class FakeNotifications extends EventEmitter {
  connected = true;
  handlers: ((payload: string) => void)[] = [];
  async subscribe(channel: string, handler: (payload: string) => void) {
    if (channel === LOT_PAGES_CHANNEL) this.handlers.push(handler);
    return () => undefined;
  }
  notify(organizationId: string) {
    for (const handler of this.handlers) handler(organizationId);
  }
  syncs = 0;
  async sync() {
    this.syncs++;
  }
}

/**
 * A database whose lot status (the version) we change by hand, page builds we release by hand (or at
 * once), and an outage we switch on.
 */
function world(options: { notifications?: FakeNotifications; autoRelease?: boolean } = {}) {
  const state = { status: 'active', down: false, versionReads: 0 };
  const builds: { status: string; release: () => void }[] = [];
  const unreachable = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  const repository = {
    versions: async (lotIds: string[], organizationIds: string[]) => {
      state.versionReads++;
      if (state.down) throw unreachable();
      return { lots: lotIds.map((id) => [id, state.status, null]), heads: organizationIds.map((id) => [id, state.status === 'active' ? '5' : '6']) };
    },
  } as unknown as PublicLotRepository;
  const views = {
    baseUrl: 'https://x.vn',
    lotView: (lotId: string) => {
      if (state.down) return Promise.reject(unreachable());
      const status = state.status; // what this build reads from the database
      return new Promise<LotPublicView>((resolve) => {
        const release = () => resolve({ lot: { id: lotId, status }, organizationIds: ['org'], builtForDate: toLocalDate(new Date()) } as unknown as LotPublicView);
        builds.push({ status, release });
        if (options.autoRelease) release();
      });
    },
  } as unknown as PublicLotService;
  const pages = new PublicPageService(repository, views, {} as ScanRecorder, options.notifications as unknown as PgNotifications);
  return { state, builds, pages };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
const key = { id: 'lot', organizationId: 'org' };

describe('PublicPageService.lot without notifications (every request asks for the version)', () => {
  it('serves the cached page while its version holds and rebuilds it when the version moves', async () => {
    const { state, builds, pages } = world();
    const first = pages.lot(key);
    await tick();
    builds[0].release();
    const { entry } = (await first)!;
    expect((await pages.lot(key))!.entry).toBe(entry);
    expect(builds).toHaveLength(1);
    state.status = 'recalled';
    const next = pages.lot(key);
    await tick();
    builds[1].release();
    expect((await next)!.entry.view.lot.status).toBe('recalled');
  });

  it('does not hand a request a rebuild that read the database before a recall the request came after', async () => {
    const { state, builds, pages } = world();
    const early = pages.lot(key); // starts a build that reads the lot as active…
    await tick();
    state.status = 'recalled'; // …then a recall commits…
    const late = pages.lot(key); // …then this request arrives and finds that build running
    await tick();
    builds[0].release();
    expect((await early)!.entry.view.lot.status).toBe('active');
    await tick();
    expect(builds).toHaveLength(2);
    expect(builds[1].status).toBe('recalled');
    builds[1].release();
    expect((await late)!.entry.view.lot.status).toBe('recalled');
  });

  it('serves the last good page, marked stale, when the database cannot be reached, and fails a page it never had', async () => {
    const { state, pages } = world({ autoRelease: true });
    const { entry } = (await pages.lot(key))!;
    state.down = true;
    expect(await pages.lot(key)).toEqual({ entry, stale: true });
    await expect(pages.lot({ id: 'other', organizationId: 'org' })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    state.down = false;
    expect(await pages.lot(key)).toEqual({ entry, stale: false });
  });
});

describe('PublicPageService.lot with notifications', () => {
  async function live() {
    const notifications = new FakeNotifications();
    const w = world({ notifications, autoRelease: true });
    await w.pages.onModuleInit();
    return { ...w, notifications };
  }

  it('serves the cached page without asking the database until one of its organizations is notified', async () => {
    const { state, builds, pages, notifications } = await live();
    const { entry } = (await pages.lot(key))!;
    const reads = state.versionReads;
    for (let i = 0; i < 5; i++) expect((await pages.lot(key))!.entry).toBe(entry);
    notifications.notify('another-org');
    expect((await pages.lot(key))!.entry).toBe(entry);
    expect(state.versionReads).toBe(reads);
    expect(builds).toHaveLength(1);

    state.status = 'recalled';
    notifications.notify('org');
    expect((await pages.lot(key))!.entry.view.lot.status).toBe('recalled');
    expect(builds).toHaveLength(2);
  });

  it('asks the database at every request while not listening, and rebuilds what it cached before once listening again', async () => {
    const { state, builds, pages, notifications } = await live();
    const { entry } = (await pages.lot(key))!;
    notifications.connected = false;
    notifications.emit('lost');
    const reads = state.versionReads;
    expect((await pages.lot(key))!.entry).toBe(entry);
    expect((await pages.lot(key))!.entry).toBe(entry);
    expect(state.versionReads).toBe(reads + 2);

    // A recall whose notification was missed while not listening: the version shows it.
    state.status = 'recalled';
    const during = (await pages.lot(key))!.entry;
    expect(during.view.lot.status).toBe('recalled');

    notifications.connected = true;
    notifications.emit('restored');
    const after = (await pages.lot(key))!.entry;
    expect(after).not.toBe(during); // read while not listening: not trusted once listening again
    expect(builds).toHaveLength(3);
    expect((await pages.lot(key))!.entry).toBe(after);
  });

  it('makes a write wait for its notifications only when a page cached here draws on the writer', async () => {
    const { pages, notifications } = await live();
    const waits = async (organizationId: string) => {
      const before = notifications.syncs;
      await pages.settle(organizationId);
      return notifications.syncs - before;
    };
    expect(await waits('org')).toBe(0); // nothing cached yet: no page here can turn stale
    await pages.lot(key);
    expect(await waits('another-org')).toBe(0);
    expect(await waits('org')).toBe(1);
    notifications.notify('org'); // the write's notification: the page here is stale, later writes need not wait
    expect(await waits('org')).toBe(0);
    await pages.lot(key); // rebuilt: current again
    expect(await waits('org')).toBe(1);
    notifications.connected = false;
    expect(await waits('org')).toBe(0); // not listening: the pages ask the database anyway
  });

  it('does not trust a page read while a notification of its organization was on its way', async () => {
    const notifications = new FakeNotifications();
    const { state, builds, pages } = world({ notifications });
    await pages.onModuleInit();
    const first = pages.lot(key);
    await tick();
    state.status = 'recalled'; // a recall commits while the build reads the lot as active…
    notifications.notify('org'); // …and its notification arrives before the build ends
    builds[0].release();
    expect((await first)!.entry.view.lot.status).toBe('active'); // that request came before the recall
    const next = pages.lot(key);
    await tick();
    expect(builds).toHaveLength(2);
    builds[1].release();
    expect((await next)!.entry.view.lot.status).toBe('recalled');
  });
});
