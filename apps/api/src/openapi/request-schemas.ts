// @ts-expect-error class-transformer types its metadata storage only under types/; this is the module its decorators write to.
import { defaultMetadataStorage as transformerStorage } from 'class-transformer/cjs/storage';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
import { IS_DATE_STRING } from 'class-validator';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import type { SchemaObject } from '@nestjs/swagger';

/** Where @Type(() => Dto) is recorded: how a nested array (riskPoints: RiskPointDto[]) finds its item class. */
const defaultMetadataStorage = transformerStorage as MetadataStorage;

export const SCHEMA_REF_PREFIX = '#/components/schemas/';

/**
 * JSON schemas of every request DTO (bodies and query strings), generated from the class-validator
 * decorators the ValidationPipe enforces, so the document cannot promise other rules than the API
 * checks. Nested DTOs (@ValidateNested + @Type) become $refs to their own component. Each object is
 * closed (`additionalProperties: false`) because the pipe refuses unknown fields.
 *
 * Reads the global class-validator storage: call it once every controller (and so every DTO) is
 * loaded, i.e. when the document is built.
 */
export function requestSchemas(): Record<string, SchemaObject> {
  const schemas = validationMetadatasToSchemas({
    refPointerPrefix: SCHEMA_REF_PREFIX,
    classTransformerMetadataStorage: defaultMetadataStorage,
    // The library's pattern for @IsDateString demands fractional seconds; the validator does not.
    additionalConverters: { [IS_DATE_STRING]: { type: 'string', format: 'date-time' } },
  }) as Record<string, SchemaObject>;
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, { ...schema, additionalProperties: false }]));
}
