/** How large a standard document may be. */
export interface DocumentLimits {
  /** Largest document, in bytes of its JSON text. */
  maxBytes: number;
  /** Deepest nesting of objects and arrays. */
  maxDepth: number;
}

export const DEFAULT_LIMITS: DocumentLimits = { maxBytes: 2 * 1024 * 1024, maxDepth: 32 };
