/** The board model: schema, reading, commands, clipboard, undo, migrations, geometry. */
export * from './schema.ts';
export * from './geometry.ts';
export * from './read.ts';
export * from './commands.ts';
export * from './clipboard.ts';
export * from './undo.ts';
export { boardSchemaVersion, migrateBoardDoc } from './migrations.ts';
export { newItemId } from './ids.ts';
export * from './actorSchema.ts';
export * from './actors.ts';
export * from './round.ts';
export * from './answers.ts';
