import { useState, type FormEvent } from 'react';
import { SelectField, TextField } from '../../components/fields.tsx';
import { ErrorNotice, QueryView } from '../../components/status.tsx';
import { ErrorFields, expect, graphql, request, type ResultOf } from '../../lib/graphql.ts';
import { useI18n, type Translate } from '../../lib/i18n.tsx';
import { allNodes, PageInfoFields } from '../../lib/paging.ts';
import { useSession } from '../../lib/session.tsx';
import { useQuery } from '../../lib/use-query.ts';

const MembershipFields = graphql(`fragment MembershipFields on Membership { id role level region { code name } project { id code name } }`);
const PersonFields = graphql(`fragment PersonFields on Person { username displayName active memberships { ...MembershipFields } }`, [MembershipFields]);
const PEOPLE = graphql(`
  query People($after: String) { people(first: 50, after: $after) { __typename ...ErrorFields ... on PersonConnection { pageInfo { ...PageInfoFields } nodes { ...PersonFields } } } }
`, [ErrorFields, PageInfoFields, PersonFields]);
const ORGANISATION = graphql(`
  query OrganisationRegions { organisation { __typename ...ErrorFields ... on Organisation { code name nameEn regions { id code name projectCount projects { id code name } } } } }
`, [ErrorFields]);
const GRANT = graphql(`mutation GrantRole($u: String!, $r: String!, $region: Int, $project: Int) { grantRole(username: $u, role: $r, regionId: $region, projectId: $project) { __typename ...ErrorFields ... on Membership { ...MembershipFields } } }`, [ErrorFields, MembershipFields]);
const REVOKE = graphql(`mutation RevokeRole($id: Int!) { revokeRole(membershipId: $id) { __typename ...ErrorFields ... on Person { username } } }`, [ErrorFields]);
const SET_ACTIVE = graphql(`mutation SetUserActive($u: String!, $a: Boolean!) { setUserActive(username: $u, active: $a) { __typename ...ErrorFields ... on Person { username active } } }`, [ErrorFields]);
const CREATE = graphql(`mutation CreateUser($i: CreateUserInput!) { createUser(input: $i) { __typename ...ErrorFields ... on Person { username } } }`, [ErrorFields]);

type Membership = ResultOf<typeof MembershipFields>;
type Organisation = Extract<ResultOf<typeof ORGANISATION>['organisation'], { __typename: 'Organisation' }>;
type Level = 'organisation' | 'region' | 'project';

const ROLES = ['admin', 'quality_manager', 'inspector', 'project_manager', 'auditor', 'fund_committee', 'frontline'];

/** Where a membership is held, in words: 组织 / 区域 华东区域 / 项目 HD01 锦绣江南花园. */
function whereOf(m: Membership, t: Translate): string {
  if (m.project) return `${t('people.level.project')} ${m.project.code} ${m.project.name}`;
  if (m.region) return `${t('people.level.region')} ${m.region.name}`;
  return t('people.level.organisation');
}

/** Choosing a level and the region or project at it. */
function LevelPicker({ organisation, level, place, onLevel, onPlace, prefix }: { organisation: Organisation; level: Level; place: string; onLevel(l: Level): void; onPlace(p: string): void; prefix: string }) {
  const { t } = useI18n();
  const places = level === 'region'
    ? organisation.regions.map((r) => ({ value: String(r.id), label: r.name }))
    : organisation.regions.flatMap((r) => r.projects.map((p) => ({ value: String(p.id), label: `${p.code} ${p.name}（${r.name}）` })));
  return (
    <>
      <SelectField label={t('people.level')} value={level} onChange={(l) => { onLevel(l); onPlace(''); }} testId={`${prefix}-level`}
        options={(['organisation', 'region', 'project'] as const).map((l) => ({ value: l, label: t(`people.level.${l}`) }))} />
      {level === 'organisation' ? null : (
        <SelectField label={t(level === 'region' ? 'people.region' : 'people.project')} value={place} onChange={onPlace} testId={`${prefix}-place`}
          options={[{ value: '', label: '—' }, ...places]} />
      )}
    </>
  );
}

const placeArgs = (level: Level, place: string) => ({ region: level === 'region' && place ? Number(place) : null, project: level === 'project' && place ? Number(place) : null });

function GrantForm({ organisation, people, username, onUsername, onDone }: { organisation: Organisation; people: { username: string; displayName: string }[]; username: string; onUsername(u: string): void; onDone(): void }) {
  const { t, term } = useI18n();
  const [role, setRole] = useState('inspector');
  const [level, setLevel] = useState<Level>('project');
  const [place, setPlace] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(null);
    try {
      const granted = expect((await request(GRANT, { u: username, r: role, ...placeArgs(level, place) })).grantRole, 'Membership');
      setDone(t('people.granted', { username: people.find((p) => p.username === username)?.displayName ?? username, role: term('role', granted.role), where: whereOf(granted, t) }));
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="card" onSubmit={submit} data-testid="grant-form" id="grant-form">
      <h2>{t('people.grantTitle')}</h2>
      <div className="field-row">
        <SelectField label={t('people.person')} value={username} onChange={onUsername} options={people.map((p) => ({ value: p.username, label: p.displayName }))} testId="grant-person" />
        <SelectField label={t('people.role')} value={role} onChange={setRole} options={ROLES.map((r) => ({ value: r, label: term('role', r) }))} testId="grant-role" />
        <LevelPicker organisation={organisation} level={level} place={place} onLevel={setLevel} onPlace={setPlace} prefix="grant" />
      </div>
      <ErrorNotice error={error} />
      {done ? <p className="notice notice-ok" role="status">{done}</p> : null}
      <button type="submit" className="btn btn-primary" disabled={!username || (level !== 'organisation' && !place)} data-testid="grant-submit">{t('people.grant')}</button>
    </form>
  );
}

function CreateForm({ organisation, onDone }: { organisation: Organisation; onDone(username: string): void }) {
  const { t, term } = useI18n();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState('');
  const [level, setLevel] = useState<Level>('organisation');
  const [place, setPlace] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(null);
    try {
      const { region, project } = placeArgs(level, place);
      const created = expect((await request(CREATE, { i: { username: username.trim(), displayName: displayName.trim() || null, password, role: role || null, regionId: role ? region : null, projectId: role ? project : null } })).createUser, 'Person');
      setDone(t('people.created', { username: created.username }));
      setUsername('');
      setDisplayName('');
      setPassword('');
      onDone(created.username);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="card" onSubmit={submit} data-testid="create-form">
      <h2>{t('people.createTitle')}</h2>
      <div className="field-row">
        <TextField label={t('people.username')} value={username} onChange={setUsername} testId="create-username" />
        <TextField label={t('people.displayName')} value={displayName} onChange={setDisplayName} testId="create-name" />
        <TextField label={t('people.password')} value={password} onChange={setPassword} testId="create-password" />
      </div>
      <div className="field-row">
        <SelectField label={t('people.firstRole')} value={role} onChange={setRole} testId="create-role" options={[{ value: '', label: t('people.noFirstRole') }, ...ROLES.map((r) => ({ value: r, label: term('role', r) }))]} />
        {role ? <LevelPicker organisation={organisation} level={level} place={place} onLevel={setLevel} onPlace={setPlace} prefix="create" /> : null}
      </div>
      <ErrorNotice error={error} />
      {done ? <p className="notice notice-ok" role="status">{done}</p> : null}
      <button type="submit" className="btn btn-primary" disabled={!username.trim() || !password} data-testid="create-submit">{t('people.create')}</button>
    </form>
  );
}

/** 人员与权限: the organisation's people, the roles they hold at each level, and the administrator's changes to them. */
export function PeoplePage() {
  const { t, term } = useI18n();
  const { user } = useSession();
  const [selected, setSelected] = useState('');
  const [error, setError] = useState<unknown>(null);
  const state = useQuery(async () => {
    const [people, organisation] = await Promise.all([
      allNodes(async (after) => expect((await request(PEOPLE, { after })).people, 'PersonConnection')),
      request(ORGANISATION).then((d) => expect(d.organisation, 'Organisation')),
    ]);
    return { people, organisation };
  }, []);
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      state.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="page">
      <h1>{t('people.title')}</h1>
      <QueryView state={state}>
        {({ people, organisation }) => {
          const username = selected || people[0]?.username || '';
          const projects = organisation.regions.reduce((n, r) => n + r.projectCount, 0);
          return (
            <>
              <p className="muted" data-testid="people-intro">{t('people.intro', { organisation: organisation.name, regions: organisation.regions.length, projects })}</p>
              <ErrorNotice error={error} />
              <div className="table-wrap">
                <table data-testid="people-table">
                  <thead><tr><th scope="col">{t('people.username')}</th><th scope="col">{t('people.displayName')}</th><th scope="col">{t('people.status')}</th><th scope="col">{t('people.memberships')}</th><th scope="col">{t('people.actions')}</th></tr></thead>
                  <tbody>
                    {people.map((p) => (
                      <tr key={p.username} data-testid={`person-${p.username}`} className={p.active ? undefined : 'muted'}>
                        <td><code>{p.username}</code></td>
                        <td>{p.displayName}</td>
                        <td>{p.active ? t('people.active') : t('people.inactive')}</td>
                        <td>
                          {p.memberships.length === 0 ? <span className="muted">{t('people.noRole')}</span> : (
                            <ul className="memberships">
                              {p.memberships.map((m) => (
                                <li key={m.id} data-testid={`membership-${m.id}`}>
                                  <span className="badge">{term('role', m.role)}</span> {whereOf(m, t)}{' '}
                                  <button type="button" className="btn btn-ghost btn-small" aria-label={t('people.revokeLabel', { username: p.displayName, role: term('role', m.role), where: whereOf(m, t) })}
                                    onClick={() => act(async () => expect((await request(REVOKE, { id: m.id })).revokeRole, 'Person'))} data-testid={`revoke-${m.id}`}>{t('people.revoke')}</button>
                                </li>
                              ))}
                            </ul>
                          )}
                        </td>
                        <td className="actions">
                          <button type="button" className="btn btn-ghost btn-small" onClick={() => { setSelected(p.username); document.getElementById('grant-form')?.scrollIntoView(); }} data-testid={`grant-for-${p.username}`}>{t('people.grantFor')}</button>
                          {p.username === user?.username ? null : (
                            <button type="button" className="btn btn-ghost btn-small" onClick={() => act(async () => expect((await request(SET_ACTIVE, { u: p.username, a: !p.active })).setUserActive, 'Person'))} data-testid={`active-${p.username}`}>
                              {p.active ? t('people.deactivate') : t('people.reactivate')}
                            </button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <GrantForm organisation={organisation} people={people} username={username} onUsername={setSelected} onDone={state.reload} />
              <CreateForm organisation={organisation} onDone={(u) => { setSelected(u); state.reload(); }} />
              <h2>{t('people.regionsTitle')}</h2>
              <ul className="regions" data-testid="regions">
                {organisation.regions.map((r) => <li key={r.id}><strong>{r.name}</strong> <span className="muted">{r.code}</span>：{r.projects.map((p) => `${p.code} ${p.name}`).join('、')}</li>)}
              </ul>
            </>
          );
        }}
      </QueryView>
    </div>
  );
}
