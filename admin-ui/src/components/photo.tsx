import { useEffect, useState } from 'react';
import { fetchBlobUrl } from '../lib/graphql.ts';
import { useI18n } from '../lib/i18n.tsx';

/**
 * A photo served by the API behind the bearer token (GET /photos/<sha256>): fetched with the token,
 * shown from a blob URL, and opened full size in a new tab.
 */
export function Photo({ sha256, alt }: { sha256: string; alt: string }) {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    let made: string | null = null;
    fetchBlobUrl(`/photos/${sha256}`).then(
      (u) => {
        made = u;
        if (live) setUrl(u);
        else URL.revokeObjectURL(u);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [sha256]);
  if (failed) return <span className="photo photo-missing" title={sha256}>{t('photo.missing')}</span>;
  if (!url) return <span className="photo photo-loading" aria-label={t('status.loading')} />;
  return (
    <a className="photo" href={url} target="_blank" rel="noreferrer" title={t('photo.open')}>
      <img src={url} alt={alt} loading="lazy" />
    </a>
  );
}
