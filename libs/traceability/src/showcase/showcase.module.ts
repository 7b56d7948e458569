import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { LocalLabelStorage } from '../labels/label-storage.js';
import { EvidencePhotosService } from './evidence-photos.service.js';
import { EVIDENCE_PHOTO_STORAGE, LocalPhotoStorage, PHOTO_STORAGE } from './photo-storage.js';
import { POSTER_STORAGE, PostersService } from './posters.service.js';
import { PublicProfileService } from './public-profile.service.js';
import { ShowcaseRepository } from './showcase.repository.js';
import { ShowcaseService } from './showcase.service.js';

const providers = [
  ShowcaseRepository,
  ShowcaseService,
  PublicProfileService,
  PostersService,
  { provide: POSTER_STORAGE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new LocalLabelStorage(join(config.storageDir, 'posters')) },
  { provide: PHOTO_STORAGE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new LocalPhotoStorage(config.storageDir) },
  EvidencePhotosService,
  { provide: EVIDENCE_PHOTO_STORAGE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new LocalPhotoStorage(config.storageDir, 'evidence') },
];

/** The province's OCOP showcase and photos (issues 20 and 15): public profiles, their photos, the showcase's reads. */
@Module({ providers, exports: providers })
export class ShowcaseModule {}
