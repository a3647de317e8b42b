// Migrations of the knowledge module ('0100-…' to '0109-…'): categories, articles and their versions.
import type { MigrationSet } from '../../core/db/migrate.js';

export const knowledgeMigrations: MigrationSet = {
  '0100-knowledge': {
    async up(db) {
      await db.schema
        .createTable('kb_categories')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('name_zh', 'text')
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('kb_articles')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('group_id', 'text', (c) => c.notNull())
        .addColumn('category_id', 'text', (c) => c.references('kb_categories.id').onDelete('set null'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('published_version', 'integer')
        .addColumn('published_title', 'text')
        .addColumn('published_body', 'text')
        .addColumn('published_at', 'text')
        .addColumn('created_by', 'text')
        .addColumn('updated_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('kb_articles_updated').on('kb_articles').columns(['updated_at', 'id']).execute();
      await db.schema.createIndex('kb_articles_status').on('kb_articles').columns(['status', 'language', 'updated_at']).execute();
      await db.schema.createIndex('kb_articles_group').on('kb_articles').columns(['group_id', 'language']).execute();
      await db.schema.createIndex('kb_articles_category').on('kb_articles').columns(['category_id']).execute();

      await db.schema
        .createTable('kb_article_versions')
        .addColumn('article_id', 'text', (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('category_id', 'text')
        .addColumn('restored_from', 'integer')
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('kb_article_versions_pk', ['article_id', 'version'])
        .execute();
    },
  },
};
