import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ROLES, Role, SECTORS, Sector, TRACKS, Track } from '@dueflow/domain';

export class ReviewerProfileDto {
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(TRACKS, { each: true, message: `each must be one of ${TRACKS.join(', ')}` }) tracks!: Track[];
  @IsArray() @ArrayMaxSize(SECTORS.length) @ArrayUnique() @IsIn(SECTORS, { each: true, message: `each must be one of ${SECTORS.join(', ')}` }) sectors!: Sector[];
  @IsOptional() @IsString() @MaxLength(200) affiliation?: string;
  @IsInt() @Min(1) @Max(100) maxOpenTasks!: number;
}

export class CreateUserDto {
  @IsEmail({}, { message: 'must be an email address' }) @MaxLength(254) email!: string;
  @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @IsString() @MinLength(10, { message: 'must be at least 10 characters' }) @MaxLength(200) password!: string;
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(ROLES, { each: true, message: `each must be one of ${ROLES.join(', ')}` }) roles!: Role[];
  @IsOptional() @ValidateNested() @Type(() => ReviewerProfileDto) reviewer?: ReviewerProfileDto;
}

export class ListUsersQuery {
  @IsOptional() @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` }) role?: Role;
}

export class ConflictDto {
  @IsString() @MinLength(1) @MaxLength(200) company!: string;
  @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
}

/** PATCH /users/{id}: any of these; the reviewer profile is replaced whole. */
export class UpdateUserDto {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(ROLES, { each: true, message: `each must be one of ${ROLES.join(', ')}` }) roles?: Role[];
  @IsOptional() @ValidateNested() @Type(() => ReviewerProfileDto) reviewer?: ReviewerProfileDto;
}

/** POST /users/{id}/deactivate and /reactivate: why (logged; kept on the user while deactivated). */
export class AccountStatusDto {
  @IsString() @MinLength(1) @MaxLength(500) reason!: string;
}
