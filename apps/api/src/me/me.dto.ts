import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { USER_LOCALES, UserLocale } from '@dueflow/persistence';

/** PATCH /me: what a user may change on their own account. */
export class UpdateMeDto {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @IsOptional() @IsIn(USER_LOCALES, { message: `must be one of ${USER_LOCALES.join(', ')}` }) locale?: UserLocale;
}
