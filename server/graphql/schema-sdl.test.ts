import { readFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { schema } from './schema.ts';

const SDL = new URL('../../schema/graphql/schema.graphql', import.meta.url);

describe('the committed SDL', () => {
  it('matches the schema the server builds (run `npm run schema:print` after changing types)', () => {
    expect(readFileSync(SDL, 'utf8')).toBe(`${printSchema(schema)}\n`);
  });

  it('keeps the names clients depend on', () => {
    const sdl = printSchema(schema);
    for (const name of ['login(', 'standard(', 'standards(', 'edition(', 'editions', 'diff(', 'editionDiff(', 'createDraft(', 'updateDraft(', 'submitForReview(', 'publish(', 'retire(', 'publishEdition(', 'interface Error', 'type LoginSuccess', 'totalCount']) {
      expect(sdl).toContain(name);
    }
  });
});
