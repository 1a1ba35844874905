import { useMemo, useState } from 'react';
import { isJsonObject, type JsonObject, type JsonValue } from '../../../../domain/shared/json.ts';
import { ChangeFields, ChangeList } from '../../components/change-list.tsx';
import { NumberField, SelectField, TextField } from '../../components/fields.tsx';
import { Badge, ErrorNotice, QueryView } from '../../components/status.tsx';
import { ErrorFields, expect, graphql, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';
import { useQuery } from '../../lib/use-query.ts';

const LAYERED = graphql(`
  query LayeredStandard($code: String!) { layeredStandard(code: $code) { __typename ...ErrorFields
    ... on LayeredStandard { code owner edition organisationEdition appliedOverlay
      items { key title layer criterionZh criterionEn baselineCriterionZh baselineCriterionEn schema }
      overlays { version status note author patch }
      changes { layer ...ChangeFields } } } }
`, [ErrorFields, ChangeFields]);

const SAVE = graphql(`
  mutation SaveOverlayDraft($code: String!, $patch: JSON!, $note: String!) { saveOverlayDraft(code: $code, patch: $patch, note: $note) { __typename ...ErrorFields ... on OrganisationOverlay { version } } }
`, [ErrorFields]);
const PUBLISH = graphql(`
  mutation PublishOverlay($code: String!) { publishOverlay(code: $code) { __typename ...ErrorFields ... on OrganisationOverlay { version } } }
`, [ErrorFields]);
const DISCARD = graphql(`
  mutation DiscardOverlayDraft($code: String!) { discardOverlayDraft(code: $code) { __typename ...ErrorFields ... on OrganisationOverlay { version } } }
`, [ErrorFields]);

type Bound = 'minimum' | 'maximum';

const isNumeric = (schema: JsonValue) => isJsonObject(schema) && (schema.type === 'integer' || schema.type === 'number');

/** The patch with one item's bound set: what the organisation had overlaid so far, plus this change. */
function withBound(patch: JsonValue | undefined, key: string, bound: Bound, value: number): JsonObject {
  const base = isJsonObject(patch ?? null) ? (patch as JsonObject) : {};
  const properties = isJsonObject(base.properties ?? null) ? (base.properties as JsonObject) : {};
  const item = isJsonObject(properties[key] ?? null) ? (properties[key] as JsonObject) : {};
  return { ...base, properties: { ...properties, [key]: { ...item, [bound]: value } } };
}

/**
 * The standard as the reader's organisation reads it, layer by layer: each check item with the
 * layer its criterion comes from and the baseline's beside it, the organisation's changes, and for
 * a quality manager a form that tightens a numeric item as an overlay draft, then publishes it.
 */
export function OrganisationOverlay({ code }: { code: string }) {
  const { t, lang, term } = useI18n();
  const { can } = useSession();
  const state = useQuery(async () => expect((await request(LAYERED, { code })).layeredStandard, 'LayeredStandard'), [code]);
  const [key, setKey] = useState('');
  const [bound, setBound] = useState<Bound>('minimum');
  const [value, setValue] = useState<number | undefined>(undefined);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const numeric = useMemo(() => (state.data?.items ?? []).filter((i) => isNumeric(i.schema)), [state.data]);

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await work());
      state.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <QueryView state={state}>
      {(s) => {
        const draft = s.overlays.find((o) => o.status === 'draft');
        const published = s.overlays.find((o) => o.status === 'published');
        const chosen = key || numeric[0]?.key || '';
        const organisationChanges = s.changes.filter((c) => c.layer === 'organisation');
        return (
          <section className="organisation-overlay" data-testid="organisation-overlay">
            <p className="muted">{t('layers.intro')}</p>
            <p>
              {s.organisationEdition ? t('layers.readFromOrganisation', { name: s.organisationEdition, edition: s.edition }) : t('layers.readFrom', { edition: s.edition })}
              {' · '}
              {s.owner === 'organisation' ? t('layers.ownAddition') : s.appliedOverlay ? t('layers.applied', { version: s.appliedOverlay }) : t('layers.noneApplied')}
            </p>
            {draft ? <p className="notice notice-warn" role="status" data-testid="overlay-draft">{t('layers.draftPending', { version: draft.version, note: draft.note })}</p> : null}
            <div className="table-wrap">
              <table className="items-table" data-testid="layer-table">
                <caption className="visually-hidden">{t('layers.tabOverlay')}</caption>
                <thead><tr><th scope="col">{t('layers.item')}</th><th scope="col">{t('layers.layer')}</th><th scope="col">{t('layers.criterion')}</th><th scope="col">{t('layers.baselineCriterion')}</th></tr></thead>
                <tbody>
                  {s.items.map((i) => (
                    <tr key={i.key} data-testid={`layer-row-${i.key}`}>
                      <td>{i.title}</td>
                      <td data-testid={`layer-${i.key}`}><span className={`badge layer-${i.layer}`}>{term('layer', i.layer)}</span></td>
                      <td className="criterion" data-testid={`layer-criterion-${i.key}`}>{lang === 'zh' ? i.criterionZh : i.criterionEn}</td>
                      <td className="muted">{(lang === 'zh' ? i.baselineCriterionZh : i.baselineCriterionEn) ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <h3>{t('layers.changes')}</h3>
            <ChangeList changes={organisationChanges} />
            {s.owner === 'baseline' && can('editStandards') && numeric.length > 0 ? (
              <form className="overlay-form" onSubmit={(e) => { e.preventDefault(); }}>
                <h3>{t('layers.tighten')}</h3>
                <p className="muted small">{t('layers.tightenHint')}</p>
                <SelectField label={t('layers.chooseItem')} value={chosen} onChange={setKey} options={numeric.map((i) => ({ value: i.key, label: `${i.title}（${lang === 'zh' ? i.criterionZh : i.criterionEn}）` }))} testId="overlay-item" />
                <SelectField label={t('layers.bound')} value={bound} onChange={(v) => setBound(v as Bound)} options={[{ value: 'minimum' as Bound, label: t('layers.minimum') }, { value: 'maximum', label: t('layers.maximum') }]} testId="overlay-bound" />
                <NumberField label={t('layers.value')} value={value} onChange={setValue} testId="overlay-value" />
                <TextField label={t('layers.note')} value={note} onChange={setNote} multiline rows={2} testId="overlay-note" />
                <ErrorNotice error={error} />
                {done ? <p className="notice" role="status" data-testid="overlay-done">{done}</p> : null}
                <div className="button-row">
                  <button type="button" className="btn" disabled={busy || value === undefined || !chosen} data-testid="overlay-save" onClick={() => void act(async () => {
                    const patch = withBound((draft ?? published)?.patch, chosen, bound, value!);
                    const saved = expect((await request(SAVE, { code, patch, note: note || draft?.note || published?.note || '' })).saveOverlayDraft, 'OrganisationOverlay');
                    return t('layers.saved', { version: saved.version });
                  })}>{t('layers.saveDraft')}</button>
                  {draft && can('publishStandards') ? (
                    <button type="button" className="btn btn-primary" disabled={busy} data-testid="overlay-publish" onClick={() => void act(async () => {
                      const done = expect((await request(PUBLISH, { code })).publishOverlay, 'OrganisationOverlay');
                      return t('layers.published', { version: done.version });
                    })}>{t('layers.publish')}</button>
                  ) : null}
                  {draft ? (
                    <button type="button" className="btn" disabled={busy} data-testid="overlay-discard" onClick={() => void act(async () => {
                      expect((await request(DISCARD, { code })).discardOverlayDraft, 'OrganisationOverlay');
                      return t('layers.discard');
                    })}>{t('layers.discard')}</button>
                  ) : null}
                </div>
              </form>
            ) : null}
            {s.overlays.length > 0 ? (
              <>
                <h3>{t('layers.history')}</h3>
                <ul className="link-list">
                  {s.overlays.map((o) => <li key={o.version}><Badge value={o.status} /> {t('layers.versionLine', { version: o.version, status: term('status', o.status), author: o.author, note: o.note })}</li>)}
                </ul>
              </>
            ) : null}
          </section>
        );
      }}
    </QueryView>
  );
}
