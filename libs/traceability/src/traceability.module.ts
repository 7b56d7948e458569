import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { AccountsRepository } from './accounts/accounts.repository.js';
import { AccountsService } from './accounts/accounts.service.js';
import { PasswordHasher } from './accounts/password-hasher.js';
import { IdempotencyRepository } from './idempotency/idempotency.repository.js';
import { IdempotencyClaims } from './idempotency/idempotency-claims.js';
import { LOTS_PROVIDERS } from './lots/index.js';
import { REGISTRY_PROVIDERS } from './registry/registry.providers.js';

const providers = [AccountsRepository, AccountsService, PasswordHasher, IdempotencyRepository, IdempotencyClaims, ...LOTS_PROVIDERS, ...REGISTRY_PROVIDERS];

/** The domain's services, shared by the API and the worker (each brings its own DatabaseModule). */
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A KeyObject, not the string: jsonwebtoken otherwise tries createPublicKey() on the secret at
        // every verify and falls back after the exception, ≈ 0.5 ms of CPU per authenticated request.
        secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')) as unknown as string,
        signOptions: { expiresIn: config.jwtExpiresIn as never, issuer: 'nguon' },
        verifyOptions: { issuer: 'nguon' },
      }),
    }),
  ],
  providers,
  exports: providers,
})
export class TraceabilityModule {}
