import { useEffect, useState } from 'react';

/** Paths of the phone app: `/m/` (today) and `/m/inspections/<local id>`. */
export function navigate(path: string): void {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new Event('pinzhi:navigate'));
  window.scrollTo(0, 0);
}

/** The current path, following links and Back. */
export function usePath(): string {
  const [path, setPath] = useState(() => window.location.pathname);
  useEffect(() => {
    const update = () => setPath(window.location.pathname);
    window.addEventListener('popstate', update);
    window.addEventListener('pinzhi:navigate', update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener('pinzhi:navigate', update);
    };
  }, []);
  return path;
}
