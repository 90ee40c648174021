import { defineConfig } from 'drizzle-kit';

// Every module's tables live in its own schema.ts; migrations are generated from all of them.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/platform/**/schema.ts', './src/modules/**/schema.ts'],
  out: './drizzle',
});
