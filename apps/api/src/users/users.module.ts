import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { MeController } from '../me/me.controller';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** Accounts: administration of users (/users) and the caller's own (/me). */
@Module({
  imports: [AuthModule],
  controllers: [UsersController, MeController],
  providers: [UsersService],
})
export class UsersModule {}
