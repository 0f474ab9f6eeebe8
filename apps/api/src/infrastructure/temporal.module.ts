import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { API_CONFIG, ApiConfig } from '../config';
import { ProcessGateway } from './process.gateway';
import { TEMPORAL_CLIENT } from './tokens';

@Global()
@Module({
  providers: [
    {
      provide: TEMPORAL_CLIENT,
      useFactory: async (config: ApiConfig) => {
        // Address, TLS/mTLS and API key come from the environment, mapped once in @dueflow/stack.
        const connection = await Connection.connect(config.temporalConnection);
        return new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
      },
      inject: [API_CONFIG],
    },
    ProcessGateway,
  ],
  exports: [TEMPORAL_CLIENT, ProcessGateway],
})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}
