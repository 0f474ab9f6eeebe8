import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDateString,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  DECISION_OUTCOMES,
  DecisionOutcome,
  PROJECT_SOURCES,
  PROJECT_STAGES,
  PROJECT_STATUSES,
  ProjectSource,
  ProjectStage,
  ProjectStatus,
  SECTORS,
  Sector,
  TRACKS,
  Track,
} from '@dueflow/domain';
import { MoneyDto } from '../common/money.dto';

export class ContactDto {
  @IsOptional() @IsString() @MaxLength(200) name?: string;
  @IsOptional() @IsEmail({}, { message: 'must be an email address' }) @MaxLength(254) email?: string;
  @IsOptional() @IsString() @MaxLength(50) phone?: string;
  @IsOptional() @IsString() @MaxLength(200) title?: string;
}

export class CreateProjectDto {
  @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @IsString() @MinLength(1) @MaxLength(200) company!: string;
  @IsIn(SECTORS, { message: `must be one of ${SECTORS.join(', ')}` }) sector!: Sector;

  @ValidateNested() @Type(() => MoneyDto) totalInvestment!: MoneyDto;

  @IsOptional() @ValidateNested() @Type(() => MoneyDto) expectedAnnualOutput?: MoneyDto;
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1_000_000) landAreaMu?: number;
  @IsOptional() @IsInt() @Min(0) @Max(10_000_000) headcount?: number;
  @IsIn(PROJECT_SOURCES, { message: `must be one of ${PROJECT_SOURCES.join(', ')}` }) source!: ProjectSource;
  @IsOptional() @IsIn(PROJECT_STAGES, { message: `must be one of ${PROJECT_STAGES.join(', ')}` }) stage?: ProjectStage;
  @IsString() @MinLength(1) @MaxLength(10_000) summary!: string;
  @IsOptional() @ValidateNested() @Type(() => ContactDto) contact?: ContactDto;
}

export class ListProjectsQuery {
  @IsOptional() @IsIn(PROJECT_STATUSES, { message: `must be one of ${PROJECT_STATUSES.join(', ')}` }) status?: ProjectStatus;
  @IsOptional() @IsIn(SECTORS, { message: `must be one of ${SECTORS.join(', ')}` }) sector?: Sector;
  @IsOptional() @Type(() => Number) @IsInt({ message: 'must be an integer from 1 to 100' }) @Min(1, { message: 'must be an integer from 1 to 100' }) @Max(100, { message: 'must be an integer from 1 to 100' }) limit?: number;
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

export class DecisionDto {
  @IsIn(DECISION_OUTCOMES, { message: `must be one of ${DECISION_OUTCOMES.join(', ')}` }) outcome!: DecisionOutcome;
  @IsString() @MinLength(1) @MaxLength(10_000) rationale!: string;
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(2000, { each: true }) conditions?: string[];
  @ValidateIf((o: DecisionDto) => o.outcome === 'request_info' || o.questions !== undefined)
  @IsArray({ message: 'must list at least one question when requesting information' })
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(2000, { each: true })
  questions?: string[];

  @ValidateIf((o: DecisionDto) => o.reopenTracks !== undefined)
  @IsArray()
  @ArrayMaxSize(TRACKS.length)
  @ArrayUnique()
  @IsIn(TRACKS, { each: true, message: `each must be one of ${TRACKS.join(', ')}` })
  reopenTracks?: Track[];
}

export class InformationDto {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsString({ each: true }) @MinLength(1, { each: true }) @MaxLength(10_000, { each: true }) answers!: string[];
}

export class SigningDto {
  @IsDateString({ strict: true }, { message: 'must be an ISO-8601 date-time' }) signedAt!: string;
  @ValidateNested() @Type(() => MoneyDto) agreedInvestment!: MoneyDto;
  @IsOptional() @IsString() @MaxLength(10_000) notes?: string;
}

export class WithdrawDto {
  @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
}

