/**
 * Shapes of the data in-and-out API (server/api/ioRoutes.ts), parsed on both sides.
 *
 *   GET  /api/sessions/:id/boards/:boardId/actors?format=csv|xlsx&lang=nl|en
 *   POST /api/sessions/:id/boards/:boardId/actors/import?step=preview|commit
 *        &lang=nl|en&mapping=name,organisation,,category&allOrNothing=1
 *        body: the file itself (Content-Type text/csv or the .xlsx type)
 *   GET  /api/sessions/:id/export[?history=1]
 *   POST /api/sessions/import   body: the session file (JSON)
 */
import { z } from 'zod';
import { ACTOR_COLUMNS } from './actorTable.ts';

export const ActorColumnSchema = z.enum(ACTOR_COLUMNS);
export const Mapping = z.array(ActorColumnSchema.nullable());

export const RowProblemSchema = z.object({
  row: z.number(),
  field: ActorColumnSchema.nullable(),
  message: z.string(),
});
export type RowProblemSchema = z.infer<typeof RowProblemSchema>;

export const CheckedRowSchema = z.union([
  z.object({ row: z.number(), ok: z.literal(true), actor: z.record(z.string(), z.unknown()) }),
  z.object({ row: z.number(), ok: z.literal(false), problems: z.array(RowProblemSchema) }),
]);
export type CheckedRowSchema = z.infer<typeof CheckedRowSchema>;

export const ImportPreview = z.object({
  step: z.literal('preview'),
  format: z.enum(['csv', 'xlsx']),
  columns: z.array(z.object({ header: z.string(), samples: z.array(z.string()) })),
  /** The mapping used for the rows below (the one asked for, or the suggestion). */
  mapping: Mapping,
  suggestedMapping: Mapping,
  /** Why this mapping cannot be imported (no name column, a field twice); `null` when it can. */
  mappingError: z.string().nullable(),
  rows: z.array(CheckedRowSchema),
  valid: z.number(),
  rejected: z.number(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportResult = z.object({
  step: z.literal('commit'),
  imported: z.number(),
  actorIds: z.array(z.string()),
  /** Rows that were left out (only when not "all or nothing"). */
  rejected: z.array(RowProblemSchema),
});
export type ImportResult = z.infer<typeof ImportResult>;

/** Content types of an actors upload. */
export const CSV_TYPES = ['text/csv', 'text/plain', 'application/csv', 'text/comma-separated-values'] as const;
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
