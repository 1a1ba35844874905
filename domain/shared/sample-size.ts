/** A rate over fewer applicable items than this is marked as a small sample (样本小). */
export const SMALL_SAMPLE_ITEMS = 10;

/** Whether a rate over `applicable` items rests on too few to trust. */
export const isSmallSample = (applicable: number): boolean => applicable < SMALL_SAMPLE_ITEMS;
