import { writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { schema } from './schema.ts';

/** Writes the SDL clients build against: schema/graphql/schema.graphql. */
export const SDL_PATH = new URL('../../schema/graphql/schema.graphql', import.meta.url);

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  writeFileSync(SDL_PATH, `${printSchema(schema)}\n`);
  console.log(`wrote ${SDL_PATH.pathname}`);
}
