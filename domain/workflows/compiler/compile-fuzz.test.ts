import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { compileBpmn } from './compile.ts';
import { CompileError } from './errors.ts';
import { OPTIONS } from './test-options.ts';

const source = readFileSync(new URL('../definitions/rectification.bpmn', import.meta.url), 'utf8');

describe('the compiler on damaged documents', () => {
  it('either compiles or reports a CompileError — it never crashes or hangs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: source.length - 1 }), fc.integer({ min: 1, max: 400 }), fc.string({ maxLength: 40 }), async (at, length, insert) => {
        // given the shipped process with a slice cut out and something else pasted in
        const damaged = source.slice(0, at) + insert + source.slice(at + length);
        // when it is compiled
        try {
          await compileBpmn(damaged, OPTIONS);
        } catch (error) {
          // then the only failure is a located compile error
          if (!(error instanceof CompileError)) throw error;
          expect(error.issues.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
