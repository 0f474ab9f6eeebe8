import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import {
  MAX_CATEGORY_LENGTH,
  MAX_COMMENTS_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  MAX_RISK_POINTS,
  MAX_SCORE,
  MIN_SCORE,
  RECOMMENDATIONS,
  Recommendation,
  SEVERITIES,
  Severity,
  TASK_STATUSES,
  TRACKS,
  TaskStatus,
  Track,
} from '@dueflow/domain';
import { MoneyDto } from '../common/money.dto';

export class ListTasksQuery {
  @IsOptional() @IsIn(TASK_STATUSES, { message: `must be one of ${TASK_STATUSES.join(', ')}` }) status?: TaskStatus;
  @IsOptional() @IsUUID(undefined, { message: 'must be a UUID' }) projectId?: string;
  @IsOptional() @IsIn(TRACKS, { message: `must be one of ${TRACKS.join(', ')}` }) track?: Track;
}

export class RiskPointDto {
  @IsString() @MinLength(1) @MaxLength(MAX_CATEGORY_LENGTH) category!: string;
  @IsIn(SEVERITIES, { message: `must be one of ${SEVERITIES.join(', ')}` }) severity!: Severity;
  @IsString() @MinLength(1) @MaxLength(MAX_DESCRIPTION_LENGTH) description!: string;
}

export class CoInvestmentDto {
  @IsBoolean() willing!: boolean;
  @IsOptional() @ValidateNested() @Type(() => MoneyDto) amount?: MoneyDto;
}

/**
 * The shape of a review. Whether the scores fit the task's rubric (every criterion, 1-5) is the
 * domain's rule, checked by the workflow's update validator with the same field-by-field detail.
 */
export class ReviewDto {
  @IsObject({ message: 'must be an object of criterion scores' })
  @JSONSchema({
    description: "every criterion key of the task's rubric, each scored",
    additionalProperties: { type: 'integer', minimum: MIN_SCORE, maximum: MAX_SCORE },
  })
  scores!: Record<string, number>;
  @IsIn(RECOMMENDATIONS, { message: `must be one of ${RECOMMENDATIONS.join(', ')}` }) recommendation!: Recommendation;
  @IsArray() @ArrayMaxSize(MAX_RISK_POINTS) @ValidateNested({ each: true }) @Type(() => RiskPointDto) riskPoints!: RiskPointDto[];
  @IsString() @MaxLength(MAX_COMMENTS_LENGTH) comments!: string;
  @IsOptional() @ValidateNested() @Type(() => CoInvestmentDto) coInvestment?: CoInvestmentDto;
}

export class DeclineDto {
  @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
  @IsBoolean() conflictOfInterest!: boolean;
}
