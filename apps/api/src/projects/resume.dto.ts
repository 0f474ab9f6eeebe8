import { IsString, MaxLength, MinLength } from 'class-validator';

/** An admin's resumption of a project's failed step: what was fixed, kept on the timeline. */
export class ResumeDto {
  @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
}
