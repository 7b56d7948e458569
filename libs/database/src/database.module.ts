import { DynamicModule, Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { dataSourceOptions, EntityList } from './data-source.js';
import { PgNotifications } from './notifications.js';
import { ReadDatabase } from './read-database.js';

/**
 * The data source, the read side (replicas, when DATABASE_READ_URLS names any), and the process's
 * LISTEN/NOTIFY connection (opened on first subscription; always on the primary, where NOTIFY is sent).
 */
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
        {
          provide: ReadDatabase,
          inject: [getDataSourceToken(), APP_CONFIG],
          useFactory: (dataSource: DataSource, config: AppConfig) => new ReadDatabase(dataSource, config.databaseReadUrls, config.databaseReadMaxLagMs, config.databasePoolSize),
        },
      ],
      exports: [PgNotifications, ReadDatabase],
    };
  }
}
