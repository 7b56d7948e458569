import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { dataSourceOptions, EntityList } from './data-source.js';
import { PgNotifications } from './notifications.js';

/** The data source, and the process's LISTEN/NOTIFY connection (opened on first subscription). */
@Module({})
export class DatabaseModule {
  /** The app's connection. Migrations are applied by the launcher/migrate job, never by synchronize. */
  static forRoot(entities: EntityList): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => {
            if (!config.databaseUrl) throw new Error('DATABASE_URL is required (npm start sets it in zero-config mode)');
            return dataSourceOptions(config.databaseUrl, entities, config.databasePoolSize);
          },
        }),
      ],
      providers: [
        {
          provide: PgNotifications,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => new PgNotifications({ connectionString: config.databaseUrl }),
        },
      ],
      exports: [PgNotifications],
    };
  }
}
