import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { dataSourceOptions, EntityList } from './data-source.js';

@Module({})
export class DatabaseModule {
  /** The app's connection. Migrations are applied by the launcher/migrate job, never by synchronize. */
  static forRoot(entities: EntityList): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => {
            if (!config.databaseUrl) throw new Error('DATABASE_URL is required (npm start sets it in zero-config mode)');
            return dataSourceOptions(config.databaseUrl, entities, config.databasePoolSize);
          },
        }),
      ],
    };
  }
}
