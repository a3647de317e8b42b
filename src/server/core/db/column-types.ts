// The few column types that differ between SQLite and PostgreSQL, named once.
import type { ColumnDefinitionBuilder, CreateTableBuilder } from 'kysely';
import type { Engine } from './database.js';

/** An auto-incrementing integer primary key column. */
export function addSerialPk<T extends string>(table: CreateTableBuilder<T, any>, name: string, engine: Engine) {
  return engine === 'sqlite'
    ? table.addColumn(name, 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement())
    : table.addColumn(name, 'bigserial', (c: ColumnDefinitionBuilder) => c.primaryKey());
}
