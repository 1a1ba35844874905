import { useEffect, useState } from 'react';
import type { JsonObject } from '../../../../../domain/shared/json.ts';
import type { Issue } from '../../../lib/graphql.ts';
import { checkStandard } from './editor-api.ts';

/**
 * The server's verdict on every edit, asked a moment after typing stops: the problems (in the UI's
 * language, asked again when it changes), and whether a check is under way.
 */
export function useLiveCheck(code: string, working: JsonObject | null, editable: boolean, lang: string): { issues: Issue[]; checking: boolean } {
  const [issues, setIssues] = useState<Issue[]>([]);
  const [checking, setChecking] = useState(false);
  useEffect(() => {
    if (!working || !editable) return;
    let live = true;
    setChecking(true);
    const timer = setTimeout(() => {
      checkStandard(code, working)
        .then((found) => live && setIssues(found), (e: unknown) => live && setIssues([{ pointer: '', code: '', message: (e as Error).message }]))
        .finally(() => live && setChecking(false));
    }, 350);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [working, code, editable, lang]);
  return { issues, checking };
}
