import { useState } from 'react';
import { describeCriterion } from '../../../../../domain/checklists/criterion.ts';
import type { JsonObject } from '../../../../../domain/shared/json.ts';
import { TextField } from '../../../components/fields.tsx';
import { useI18n } from '../../../lib/i18n.tsx';
import { ItemForm, type IssuesAt } from './item-form.tsx';
import { addItem, checkOf, freeKey, inputKind, itemsOf, moveItem, newItem, removeItem, renameItem, setItem } from './schema-ops.ts';

function KeyField({ doc, itemKey, onChange }: { doc: JsonObject; itemKey: string; onChange(doc: JsonObject, key: string): void }) {
  const { t } = useI18n();
  const [value, setValue] = useState(itemKey);
  const [problem, setProblem] = useState<string | null>(null);
  const commit = () => {
    const renamed = renameItem(doc, itemKey, value.trim());
    if (renamed === 'taken') setProblem(t('item.keyTaken'));
    else if (renamed === 'malformed') setProblem(t('item.keyMalformed'));
    else {
      setProblem(null);
      if (value.trim() !== itemKey) onChange(renamed, value.trim());
    }
  };
  return (
    <div onBlur={commit}>
      <TextField label={t('item.key')} hint={t('item.keyHint')} value={value} onChange={setValue} issues={problem ? [problem] : []} />
    </div>
  );
}

/**
 * The check items of a work instruction as cards: reorder, add, remove, and open one to edit it
 * with forms. Problems the server reports are shown on the card and field they belong to.
 */
export function ItemsEditor({ doc, onChange, issuesAt, readOnly }: { doc: JsonObject; onChange(doc: JsonObject): void; issuesAt: IssuesAt; readOnly: boolean }) {
  const { t, lang, term } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const items = itemsOf(doc);
  return (
    <div className="items-editor">
      <ol className="item-cards">
        {items.map(([key, item], index) => {
          const problems = issuesAt(`/properties/${key}`);
          const expanded = open === key;
          const criterion = describeCriterion(item);
          return (
            <li key={key} className={`item-card${expanded ? ' expanded' : ''}${problems.length ? ' has-issues' : ''}`} data-testid={`item-card-${key}`}>
              <div className="item-card-head">
                <button type="button" className="item-toggle" aria-expanded={expanded} onClick={() => setOpen(expanded ? null : key)}>
                  <span className="item-index">{index + 1}</span>
                  <span className="item-title">{String(item.title ?? key)}</span>
                  <span className="item-meta">
                    <code>{key}</code> · {term('input', inputKind(item))} · {lang === 'zh' ? criterion.zh : criterion.en} · {term('severity', String(checkOf(item).severity ?? 'minor'))}
                  </span>
                  {problems.length ? <span className="badge badge-danger">{t('editor.problems', { n: problems.length })}</span> : null}
                </button>
                {!readOnly ? (
                  <div className="item-actions">
                    <button type="button" className="btn btn-small" disabled={index === 0} onClick={() => onChange(moveItem(doc, key, -1))} aria-label={t('editor.moveUp', { title: String(item.title ?? key) })}>↑</button>
                    <button type="button" className="btn btn-small" disabled={index === items.length - 1} onClick={() => onChange(moveItem(doc, key, 1))} aria-label={t('editor.moveDown', { title: String(item.title ?? key) })}>↓</button>
                    <button type="button" className="btn btn-small btn-danger" onClick={() => window.confirm(t('editor.confirmRemove', { title: String(item.title ?? key) })) && onChange(removeItem(doc, key))} aria-label={t('editor.remove', { title: String(item.title ?? key) })}>{t('editor.removeShort')}</button>
                  </div>
                ) : null}
              </div>
              {expanded ? (
                <fieldset className="item-card-body" disabled={readOnly}>
                  <legend className="visually-hidden">{String(item.title ?? key)}</legend>
                  <KeyField doc={doc} itemKey={key} onChange={(next, nextKey) => { onChange(next); setOpen(nextKey); }} />
                  <ItemForm itemKey={key} item={item} onChange={(next) => onChange(setItem(doc, key, next))} issuesAt={issuesAt} />
                </fieldset>
              ) : null}
            </li>
          );
        })}
      </ol>
      {!readOnly ? (
        <button type="button" className="btn" onClick={() => { const key = freeKey(doc); onChange(addItem(doc, key, newItem(t('editor.newItemTitle')))); setOpen(key); }} data-testid="add-item">
          + {t('editor.addItem')}
        </button>
      ) : null}
    </div>
  );
}
