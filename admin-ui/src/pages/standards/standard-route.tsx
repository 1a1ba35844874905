import { useLocation } from '../../lib/router.tsx';
import { PastVersion } from './past-version.tsx';
import { StandardPage } from './standard-page.tsx';

/** `/standards/<code>`: the standard as its edition reads it, or with `?version=<n>` that version in full (read-only). */
export function StandardRoute({ code }: { code: string }) {
  const version = Number(useLocation().query.get('version'));
  return Number.isInteger(version) && version > 0 ? <PastVersion code={code} version={version} /> : <StandardPage code={code} />;
}
