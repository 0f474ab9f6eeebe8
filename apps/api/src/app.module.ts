import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AuthModule } from './auth/auth.module';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { API_CONFIG, ApiConfig } from './config';
import { HealthController } from './health/health.controller';
import { DatabaseModule } from './infrastructure/database.module';
import { TemporalModule } from './infrastructure/temporal.module';
import { MetricsModule } from './metrics/metrics.module';
import { NotificationsController } from './notifications/notifications.controller';
import { PolicyController } from './policy/policy.controller';
import { ProjectsController } from './projects/projects.controller';
import { ProjectsService } from './projects/projects.service';
import { StatsController } from './stats/stats.controller';
import { TasksController } from './tasks/tasks.controller';
import { TasksService } from './tasks/tasks.service';
import { UsersModule } from './users/users.module';

@Global()
@Module({})
class ConfigModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: API_CONFIG, useValue: config }], exports: [API_CONFIG] };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        TemporalModule,
        AuthModule,
        MetricsModule,
        UsersModule,
      ],
      controllers: [HealthController, ProjectsController, TasksController, PolicyController, StatsController, NotificationsController],
      providers: [ProjectsService, TasksService, { provide: APP_FILTER, useClass: HttpExceptionFilter }],
    };
  }
}
