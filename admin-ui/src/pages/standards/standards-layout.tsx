import { useMemo, useState, type ReactNode } from 'react';
import { Empty, QueryView } from '../../components/status.tsx';
import { ErrorFields, expect, graphql, request, type ResultOf } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link, setQuery, useLocation } from '../../lib/router.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { allNodes, PageInfoFields } from '../../lib/paging.ts';
import { useSession } from '../../lib/session.tsx';
import { NewStandardDialog, type NewStandardTarget } from './new-standard-dialog.tsx';

const TREE = graphql(`
  query StandardsTree($after: String) { standards(workingCopy: true, first: 500, after: $after) { __typename ...ErrorFields
    ... on StandardConnection { pageInfo { ...PageInfoFields } nodes { code kind parentCode title retired latestVersion publishedVersion } } } }
`, [ErrorFields, PageInfoFields]);

export type TreeNode = Extract<ResultOf<typeof TREE>['standards'], { __typename: 'StandardConnection' }>['nodes'][number];

/** Every document, published or not: the whole library is one tree. */
function loadTree(): Promise<TreeNode[]> {
  return allNodes(async (after) => expect((await request(TREE, { after })).standards, 'StandardConnection'));
}

/** Whether a document has a version being worked on (newer than the published one). */
export const hasDraft = (n: TreeNode) => !n.retired && n.latestVersion > (n.publishedVersion ?? 0);

function Branch({ node, children, byParent, matches, selected, forceOpen, onCreate }: { node: TreeNode; children: TreeNode[]; byParent: Map<string, TreeNode[]>; matches: Set<string> | null; selected?: string; forceOpen: boolean; onCreate?: (parent: TreeNode) => void }) {
  const { t, term } = useI18n();
  const visible = children.filter((c) => !matches || matches.has(c.code));
  const label = (
    <Link to={`/standards/${node.code}`} className={`tree-link${node.code === selected ? ' selected' : ''}${node.retired ? ' retired' : ''}`} aria-current={node.code === selected ? 'page' : undefined}>
      <code>{node.code}</code> {node.title}
      {hasDraft(node) ? <span className="dot" title={t('tree.hasDraft')} aria-label={t('tree.hasDraft')} /> : null}
    </Link>
  );
  // a new procedure under a module, a new instruction under a procedure
  const create = onCreate && node.kind !== 'instruction' && !node.retired ? (
    <button type="button" className="btn btn-small tree-new" onClick={(e) => { e.preventDefault(); onCreate(node); }} aria-label={t('create.under', { parent: `${node.code} ${node.title}` })} title={t('create.newChild', { kind: term('kind', node.kind === 'module' ? 'procedure' : 'instruction') })} data-testid={`tree-new-${node.code}`}>
      {t('create.new')}
    </button>
  ) : null;
  if (children.length === 0) return <li>{label}{create}</li>;
  const open = forceOpen || (selected ? selected.startsWith(node.code) : false);
  return (
    <li>
      <details open={open || undefined}>
        <summary>{label}{create}</summary>
        <ul>
          {visible.map((c) => <Branch key={c.code} node={c} children={byParent.get(c.code) ?? []} byParent={byParent} matches={matches} selected={selected} forceOpen={forceOpen} onCreate={onCreate} />)}
        </ul>
      </details>
    </li>
  );
}

/**
 * The standards library as a tree (module → procedure → instruction) with search by code or
 * title, beside the selected document. A dot marks documents with a draft or a version in review.
 */
export function StandardsLayout({ code, children }: { code?: string; children?: ReactNode }) {
  const { t } = useI18n();
  const { query } = useLocation();
  const [search, setSearch] = useState(query.get('q') ?? '');
  const state = useQuery(loadTree, []);
  const canEdit = useSession().can('editStandards');
  const [creating, setCreating] = useState<NewStandardTarget | null>(null);
  const onCreate = canEdit ? (parent: TreeNode) => setCreating({ parent: { code: parent.code, title: parent.title, kind: parent.kind } }) : undefined;
  const tree = useMemo(() => {
    const nodes = state.data ?? [];
    const byParent = new Map<string, TreeNode[]>();
    for (const n of nodes) if (n.parentCode) byParent.set(n.parentCode, [...(byParent.get(n.parentCode) ?? []), n]);
    const term = search.trim().toLowerCase();
    let matches: Set<string> | null = null;
    if (term) {
      matches = new Set();
      for (const n of nodes) {
        if (n.code.toLowerCase().includes(term) || n.title.toLowerCase().includes(term)) {
          // a match keeps its ancestors visible
          for (let c: string | null = n.code; c; c = nodes.find((x) => x.code === c)?.parentCode ?? null) matches.add(c);
        }
      }
    }
    return { roots: nodes.filter((n) => n.kind === 'module'), byParent, matches, drafts: nodes.filter(hasDraft) };
  }, [state.data, search]);

  return (
    <div className="page standards-layout">
      <aside className="tree-pane" aria-label={t('tree.label')}>
        {canEdit ? (
          <button type="button" className="btn btn-small tree-new-module" onClick={() => setCreating({ parent: null })} data-testid="tree-new-module">
            + {t('create.newModule')}
          </button>
        ) : null}
        <label className="field search-field">
          <span>{t('tree.search')}</span>
          <input type="search" value={search} placeholder={t('tree.searchPlaceholder')} onChange={(e) => { setSearch(e.target.value); setQuery({ q: e.target.value }); }} data-testid="tree-search" />
        </label>
        <QueryView state={state}>
          {() => tree.matches && tree.matches.size === 0 ? <Empty>{t('tree.noMatch', { term: search })}</Empty> : (
            <>
              {tree.matches ? <p className="muted small" role="status">{t('tree.matchCount', { n: [...tree.matches].filter((c) => c.includes('.W')).length })}</p> : null}
              <ul className="tree">
                {tree.roots.filter((r) => !tree.matches || tree.matches.has(r.code)).map((r) => (
                  <Branch key={r.code} node={r} children={tree.byParent.get(r.code) ?? []} byParent={tree.byParent} matches={tree.matches} selected={code} forceOpen={!!tree.matches} onCreate={onCreate} />
                ))}
              </ul>
            </>
          )}
        </QueryView>
      </aside>
      {creating ? <NewStandardDialog target={creating} onClose={() => setCreating(null)} /> : null}
      <div className="doc-pane">
        {children ?? (
          <section>
            <h1>{t('tree.title')}</h1>
            <p className="muted">{t('tree.intro')}</p>
            {state.data ? (
              <>
                <h2>{t('tree.openDrafts')}</h2>
                {tree.drafts.length === 0 ? <Empty>{t('tree.noDrafts')}</Empty> : (
                  <ul className="link-list">
                    {tree.drafts.map((d) => <li key={d.code}><Link to={`/standards/${d.code}/edit`}><code>{d.code}</code> {d.title}</Link> <span className="muted">v{d.latestVersion}</span></li>)}
                  </ul>
                )}
              </>
            ) : null}
          </section>
        )}
      </div>
    </div>
  );
}
