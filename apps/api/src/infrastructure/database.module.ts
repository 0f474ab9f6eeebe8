import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PolicyStore, ProjectStore, StatsStore, TaskStore, UserStore, createDataSource } from '@dueflow/persistence';
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
    store(UserStore),
    store(ProjectStore),
    store(TaskStore),
    store(PolicyStore),
    store(StatsStore),
  ],
  exports: [DATA_SOURCE, UserStore, ProjectStore, TaskStore, PolicyStore, StatsStore],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
