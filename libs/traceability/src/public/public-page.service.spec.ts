import { describe, expect, it } from '@jest/globals';
import { toLocalDate } from '../common/dates.js';
import type { PublicLotRepository } from './public-lot.repository.js';
import type { PublicLotService } from './public-lot.service.js';
import type { LotPublicView } from './public-lot.types.js';
import { PublicPageService } from './public-page.service.js';
import type { ScanRecorder } from './scan-recorder.js';

/** A database whose lot status (the version) we change by hand, and page builds we release by hand. */
function world() {
  const state = { status: 'active' };
  const builds: { status: string; release: () => void }[] = [];
  const repository = {
    versions: async (lotIds: string[], organizationIds: string[]) => ({
      lots: lotIds.map((id) => [id, state.status, null]),
      heads: organizationIds.map((id) => [id, state.status === 'active' ? '5' : '6']),
    }),
  } as unknown as PublicLotRepository;
  const views = {
    baseUrl: 'https://x.vn',
    lotView: (lotId: string) => {
      const status = state.status; // what this build reads from the database
      return new Promise<LotPublicView>((resolve) =>
        builds.push({
          status,
          release: () => resolve({ lot: { id: lotId, status }, organizationIds: ['org'], builtForDate: toLocalDate(new Date()) } as unknown as LotPublicView),
        }),
      );
    },
  } as unknown as PublicLotService;
  const pages = new PublicPageService(repository, views, {} as ScanRecorder);
  return { state, builds, pages };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
const key = { id: 'lot', organizationId: 'org' };

describe('PublicPageService.lot', () => {
  it('serves the cached page while its version holds and rebuilds it when the version moves', async () => {
    const { state, builds, pages } = world();
    const first = pages.lot(key);
    await tick();
    builds[0].release();
    const entry = await first;
    expect(await pages.lot(key)).toBe(entry);
    expect(builds).toHaveLength(1);
    state.status = 'recalled';
    const next = pages.lot(key);
    await tick();
    builds[1].release();
    expect((await next)!.view.lot.status).toBe('recalled');
  });

  it('does not hand a request a rebuild that read the database before a recall the request came after', async () => {
    const { state, builds, pages } = world();
    const early = pages.lot(key); // starts a build that reads the lot as active…
    await tick();
    state.status = 'recalled'; // …then a recall commits…
    const late = pages.lot(key); // …then this request arrives and finds that build running
    await tick();
    builds[0].release();
    expect((await early)!.view.lot.status).toBe('active');
    await tick();
    expect(builds).toHaveLength(2);
    expect(builds[1].status).toBe('recalled');
    builds[1].release();
    expect((await late)!.view.lot.status).toBe('recalled');
  });
});
