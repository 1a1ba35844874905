import type { ModuleSource } from './types.ts';

/** Loads the module tables that exist (all seven once the library is complete). */
export async function loadModules(only?: string[]): Promise<ModuleSource[]> {
  const codes = only ?? ['M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07'];
  const out: ModuleSource[] = [];
  for (const code of codes) {
    try {
      out.push((await import(`./${code}/index.ts`)).default as ModuleSource);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND' || only) throw error;
    }
  }
  return out;
}
