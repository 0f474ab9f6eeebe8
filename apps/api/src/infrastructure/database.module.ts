import { BeforeApplicationShutdown, Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InboxStore, PolicyStore, ProjectChangeListener, ProjectStore, StatsStore, TaskStore, UserStore, createDataSource } from '@dueflow/persistence';
import { API_CONFIG, ApiConfig } from '../config';
import { DATA_SOURCE } from './tokens';

const store = <T>(Store: new (ds: DataSource) => T) => ({
  provide: Store,
  useFactory: (ds: DataSource) => new Store(ds),
  inject: [DATA_SOURCE],
});

@Global()
@Module({
  providers: [
    {
      provide: DATA_SOURCE,
      useFactory: async (config: ApiConfig) => {
        const dataSource = createDataSource({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, applicationName: 'dueflow-api' });
        return dataSource.initialize();
      },
      inject: [API_CONFIG],
    },
    {
      provide: ProjectChangeListener,
      useFactory: (config: ApiConfig) => {
        const logger = new Logger('ProjectChangeListener');
        return new ProjectChangeListener({
          connectionString: config.DATABASE_URL,
          applicationName: 'dueflow-api-listen',
          onError: (error) => logger.warn(`project change notifications interrupted: ${error.message}`),
        });
      },
      inject: [API_CONFIG],
    },
    store(UserStore),
    store(ProjectStore),
    store(TaskStore),
    store(PolicyStore),
    store(StatsStore),
    store(InboxStore),
  ],
  exports: [DATA_SOURCE, ProjectChangeListener, UserStore, ProjectStore, TaskStore, PolicyStore, StatsStore, InboxStore],
})
export class DatabaseModule implements BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly changes: ProjectChangeListener,
  ) {}

  /** Requests waiting for a change answer now (nothing changed), so the HTTP server can drain. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.changes.close();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
