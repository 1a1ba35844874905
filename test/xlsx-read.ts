import { readSheets } from '../domain/shared/xlsx-read.ts';

/**
 * Reads an .xlsx back into its sheets by name, each a grid of rows (row r at index r - 1) of cell
 * values — numbers as numbers, text as text (the domain's reader, dates left as serial numbers).
 */
export function readWorkbook(bytes: Uint8Array): Record<string, (string | number | null)[][]> {
  return readSheets(bytes) as Record<string, (string | number | null)[][]>;
}
