import { evaluate, splitLabelled } from './evaluate.ts';
import { labelledItems } from './labelled.ts';

/**
 * The analyser's accuracy on the held-out fifth (the figures `npm run voice:accuracy` prints and
 * the README reports). Floors sit a little below what was measured, so a regression fails.
 */
describe('accuracy on held-out feedback', () => {
  it('splits deterministically, 80/20, stratified by problem type, with no text on both sides', () => {
    const items = labelledItems();
    const { train, test } = splitLabelled(items);
    expect(train.length + test.length).toBe(items.length);
    expect(test.length / items.length).toBeCloseTo(0.2, 1);
    const trainTexts = new Set(train.map((i) => i.text));
    expect(test.some((i) => trainTexts.has(i.text))).toBe(false);
    expect(splitLabelled(items).test.map((i) => i.source)).toEqual(test.map((i) => i.source));
    for (const type of new Set(items.map((i) => i.problemType))) {
      const all = items.filter((i) => i.problemType === type).length;
      expect(Math.abs(test.filter((i) => i.problemType === type).length - all / 5)).toBeLessThanOrEqual(1);
    }
  });

  it('meets the floors on every field', () => {
    const e = evaluate();
    expect(e.heldOut).toBeGreaterThanOrEqual(300);
    expect(e.problemType).toBeGreaterThanOrEqual(FLOORS.problemType);
    expect(e.module).toBeGreaterThanOrEqual(FLOORS.module);
    expect(e.sentiment).toBeGreaterThanOrEqual(FLOORS.sentiment);
    expect(e.intensityExact).toBeGreaterThanOrEqual(FLOORS.intensityExact);
    expect(e.intensityWithinOne).toBeGreaterThanOrEqual(FLOORS.intensityWithinOne);
    expect(e.touchpointPrecision).toBeGreaterThanOrEqual(FLOORS.touchpointPrecision);
    expect(e.touchpointRecall).toBeGreaterThanOrEqual(FLOORS.touchpointRecall);
  });
});

const FLOORS = { problemType: 0.72, module: 0.74, sentiment: 0.9, intensityExact: 0.83, intensityWithinOne: 0.94, touchpointPrecision: 0.92, touchpointRecall: 0.84 };
