import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { renderPoster, type PosterSize } from '@app/labels';
import { JobName, QueueProducer, type RenderPosterPayload } from '@app/queue';
import type { Caller } from '../accounts/caller.js';
import { DomainException, InvalidFieldException, notFound } from '../common/domain.exception.js';
import type { LabelStorage } from '../labels/label-storage.js';
import { ShowcaseService } from './showcase.service.js';

/** Injection token: poster PDFs, in their own directory beside the label PDFs (the label sweeps never see them). */
export const POSTER_STORAGE = Symbol('POSTER_STORAGE');

const POSTER_ID = /^(a4|a5)-(vi|en)-[0-9a-f]{24}$/;

export interface PosterStatus {
  id: string;
  status: 'queued' | 'done' | 'failed';
  size: PosterSize;
  lang: 'vi' | 'en';
  /** Where to download it once done (the API's own route). */
  pdfPath: string;
}

/**
 * QR posters of the showcase's producer page (issue 20), rendered by the worker with the label
 * machinery (NotoSans, the labels' QR encoder) and kept in the poster storage. A poster's id names its
 * size, language and content, so asking again for the same poster answers the one already made.
 */
@Injectable()
export class PostersService {
  constructor(
    private readonly showcase: ShowcaseService,
    private readonly producer: QueueProducer,
    @Inject(POSTER_STORAGE) private readonly storage: LabelStorage,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicBaseUrl'>,
  ) {}

  private key(organizationId: string, id: string): string {
    return `${organizationId}/${id}.pdf`;
  }

  /** The producer's showcase page, or a refusal when the organization is not in a catalogue. */
  private async page(organizationId: string) {
    const producer = await this.showcase.producerOf(organizationId);
    if (!producer) {
      throw new DomainException('SHOWCASE_NOT_LISTED', 'the organization is not in its province’s OCOP catalogue: turn on `listed` in its public profile, and be linked by the province’s programme office', 'validation', { field: 'listed' });
    }
    return { producer, url: `${this.config.publicBaseUrl}/ocop/${producer.provinceCode}/producers/${producer.id}` };
  }

  async request(caller: Pick<Caller, 'organizationId'>, size: string, lang: string | undefined): Promise<PosterStatus> {
    if (size !== 'a4' && size !== 'a5') throw new InvalidFieldException('INVALID_VALUE', 'size', 'must be a4 or a5', 'bad_request');
    const language = lang ?? 'vi';
    if (language !== 'vi' && language !== 'en') throw new InvalidFieldException('INVALID_VALUE', 'lang', 'must be vi or en', 'bad_request');
    const { producer, url } = await this.page(caller.organizationId);
    const content = JSON.stringify([url, producer.name, producer.commune, producer.welcomesVisitors, producer.catalogue.map((p) => [p.nameVi, p.nameEn, p.stars?.level])]);
    const id = `${size}-${language}-${createHash('sha256').update(content).digest('hex').slice(0, 24)}`;
    return this.status(caller, id);
  }

  /** Where the poster stands; one neither stored nor queued (its job expired) is queued again. */
  async status(caller: Pick<Caller, 'organizationId'>, id: string): Promise<PosterStatus> {
    const match = POSTER_ID.exec(id);
    if (!match) throw notFound('Poster', id);
    const [, size, lang] = match as unknown as [string, PosterSize, 'vi' | 'en'];
    const answer = (status: PosterStatus['status']): PosterStatus => ({ id, status, size, lang, pdfPath: `/api/v1/organization/public-profile/posters/${id}/pdf` });
    if (await this.storage.stat(this.key(caller.organizationId, id))) return answer('done');
    const job = await this.producer.getJob(JobName.RenderPoster, `${caller.organizationId}.${id}`);
    if (job && (await job.getState()) === 'failed') return answer('failed');
    if (!job) await this.producer.add(JobName.RenderPoster, `${caller.organizationId}.${id}`, { organizationId: caller.organizationId, posterId: id, size, lang });
    return answer('queued');
  }

  async open(caller: Pick<Caller, 'organizationId'>, id: string): Promise<{ stream: Readable; size: number }> {
    if (!POSTER_ID.test(id)) throw notFound('Poster', id);
    const file = await this.storage.openRead(this.key(caller.organizationId, id));
    if (!file) throw notFound('Poster', id);
    return file;
  }

  /** The worker's part: renders the poster of the producer's current page into the storage. */
  async render(payload: RenderPosterPayload): Promise<{ bytes: number }> {
    const { producer, url } = await this.page(payload.organizationId);
    const out = this.storage.createWriteStream(this.key(payload.organizationId, payload.posterId));
    await renderPoster(
      {
        size: payload.size,
        lang: payload.lang,
        url,
        producerName: producer.name,
        place: [producer.commune, producer.province].filter(Boolean).join(', ') || null,
        products: producer.catalogue.filter((p) => p.stars).map((p) => ({ name: payload.lang === 'en' ? (p.nameEn ?? p.nameVi) : p.nameVi, stars: p.stars?.level ?? null })),
        welcomesVisitors: producer.welcomesVisitors,
      },
      out,
    );
    return { bytes: out.stored?.size ?? 0 };
  }
}
