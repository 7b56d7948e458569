import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { AccountsRepository } from './accounts/accounts.repository.js';
import { AccountsService } from './accounts/accounts.service.js';
import { OrganizationProfileService } from './accounts/organization-profile.service.js';
import { AuthChanges } from './accounts/auth-changes.js';
import { CredentialsRepository } from './accounts/credentials.repository.js';
import { mailerProvider } from './accounts/mailer.js';
import { OrganizationLinksRepository } from './accounts/organization-links.repository.js';
import { OrganizationLinksService } from './accounts/organization-links.service.js';
import { PasswordHasher } from './accounts/password-hasher.js';
import { PasswordResetsService } from './accounts/password-resets.service.js';
import { ProgrammeOfficesService } from './accounts/programme-offices.service.js';
import { SessionsService } from './accounts/sessions.service.js';
import { UsersService } from './accounts/users.service.js';
import { IdempotencyRepository } from './idempotency/idempotency.repository.js';
import { IdempotencyClaims } from './idempotency/idempotency-claims.js';
import { LOTS_PROVIDERS } from './lots/index.js';
import { REGISTRY_PROVIDERS } from './registry/registry.providers.js';
import { AddressMigrationService } from './admin-units/address-migration.service.js';
import { ProgrammeRepository } from './programme/programme.repository.js';
import { ProgrammeService } from './programme/programme.service.js';
import { ProgrammeAlertsRepository } from './programme/programme-alerts.repository.js';
import { ProgrammeAlertsService } from './programme/programme-alerts.service.js';
import { ProgrammeRollupsRepository } from './programme/programme-rollups.repository.js';
import { ProgrammeRollupsService } from './programme/programme-rollups.service.js';

const ACCOUNTS_PROVIDERS = [
  AccountsRepository,
  CredentialsRepository,
  OrganizationLinksRepository,
  AuthChanges,
  SessionsService,
  AccountsService,
  OrganizationProfileService,
  UsersService,
  PasswordResetsService,
  OrganizationLinksService,
  ProgrammeOfficesService,
  PasswordHasher,
  mailerProvider,
];
const providers = [...ACCOUNTS_PROVIDERS, IdempotencyRepository, IdempotencyClaims, ...LOTS_PROVIDERS, ...REGISTRY_PROVIDERS, AddressMigrationService, ProgrammeRepository, ProgrammeService, ProgrammeAlertsRepository, ProgrammeAlertsService, ProgrammeRollupsRepository, ProgrammeRollupsService];

/** The domain's services, shared by the API and the worker (each brings its own DatabaseModule). */
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A KeyObject, not the string: jsonwebtoken otherwise tries createPublicKey() on the secret at
        // every verify and falls back after the exception, ≈ 0.5 ms of CPU per authenticated request.
        secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')) as unknown as string,
        // Only HS256, in both directions: a token naming another algorithm (or none) is refused.
        signOptions: { algorithm: 'HS256', expiresIn: config.jwtExpiresIn as never, issuer: 'nguon' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'nguon' },
      }),
    }),
  ],
  providers,
  exports: providers,
})
export class TraceabilityModule {}
