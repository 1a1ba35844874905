import { checkUiDocuments, uiTypesFreshAndCommitted } from './ui-codegen.ts';

describe("the admin UI's generated client types", () => {
  it('match the committed SDL (run `npm run codegen:ui` after `npm run schema:print`)', () => {
    const { fresh, committed } = uiTypesFreshAndCommitted();
    expect(committed).toContain("'StandardConnection'");
    expect(committed === fresh).toBe(true);
  });

  it("leave no document of the UI asking for what the SDL does not have", () => {
    expect(checkUiDocuments()).toBeNull();
  });
});
