import { z } from 'zod';
import { CURRENCIES, PROJECT_STATUSES, ROLES, SECTORS, TASK_STATUSES, TRACKS } from '@dueflow/domain';

/**
 * The response shapes the OpenAPI document names, each under `#/components/schemas/<id>`. zod
 * rather than classes: the presenters return plain objects, and `z.output<>` lets the compiler hold
 * each handler's return type against its documented schema (see api-route.decorator.ts).
 */
export const responseRegistry = z.registry<{ id: string }>();

/** Registers `schema` as the named component `id` and returns it, for use in other schemas. */
export function component<S extends z.ZodType>(id: string, schema: S): S {
  responseRegistry.add(schema, { id });
  return schema;
}

/** The component name of a registered schema (throws for an unregistered one: it would not resolve). */
export function componentId(schema: z.ZodType): string {
  const id = responseRegistry.get(schema)?.id;
  if (!id) throw new Error('this response schema is not a registered component (wrap it in component())');
  return id;
}

/** An object with exactly these keys, each holding `value` (per track, per status, per sector...). */
export function keyed<K extends string, S extends z.ZodType>(keys: readonly K[], value: S) {
  return z.object(Object.fromEntries(keys.map((key) => [key, value])) as Record<K, S>);
}

/** An object with some of these keys, each holding `value` (what the caller may see of each track...). */
export function partialKeyed<K extends string, S extends z.ZodType>(keys: readonly K[], value: S) {
  return z.object(Object.fromEntries(keys.map((key) => [key, value.optional()])) as Record<K, z.ZodOptional<S>>);
}

/** `true` only when A and B are assignable to each other. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * Compile-time proof that a schema and a code type describe the same shape: call it as
 * `sameShape<z.output<typeof Schema>, CodeType>(true)`; it stops compiling once they part.
 */
export function sameShape<A, B>(proof: Same<A, B>): void {
  void proof;
}

export const Uuid = z.uuid();
export const Timestamp = z.iso.datetime().describe('ISO-8601 date-time in UTC');
export const IsoDuration = z.string().describe('ISO-8601 duration, e.g. P14D or PT30S');
export const Count = z.int().min(0);

export const Track = component('Track', z.enum(TRACKS));
export const Sector = component('Sector', z.enum(SECTORS));
export const Role = component('Role', z.enum(ROLES));
export const ProjectStatus = component('ProjectStatus', z.enum(PROJECT_STATUSES));
export const TaskStatus = component('TaskStatus', z.enum(TASK_STATUSES));

export const Money = component(
  'Money',
  z.object({ amount: z.int().min(0).describe('integer yuan'), currency: z.enum(CURRENCIES) }),
);

/** Who did something, by id and display name (a name may be unknown). */
export const PersonRef = component('PersonRef', z.object({ id: Uuid, name: z.string().nullable() }));
