/**
 * Reading a map of records kept under their own id (boards, groups, vote rounds,
 * answers). Docs are untrusted input: each value is parsed with its schema, and one
 * that fails, or that names another id than its key, is skipped.
 */
import type * as Y from 'yjs';

/** A zod schema (anything with its `safeParse`) of a record with an id. */
export interface RecordSchema<T extends { id: string }> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/** The valid records of `map`, in the map's order; at most `max` of them. */
export function readRecords<T extends { id: string }>(
  map: Y.Map<unknown>,
  schema: RecordSchema<T>,
  max = Infinity,
): T[] {
  const out: T[] = [];
  for (const [id, value] of map.entries()) {
    if (out.length >= max) break;
    const parsed = schema.safeParse(value);
    if (parsed.success && parsed.data.id === id) out.push(parsed.data);
  }
  return out;
}

/** The record under `id`, if it is there and valid. */
export function readRecord<T extends { id: string }>(
  map: Y.Map<unknown>,
  schema: RecordSchema<T>,
  id: string,
): T | null {
  const parsed = schema.safeParse(map.get(id));
  return parsed.success && parsed.data.id === id ? parsed.data : null;
}
