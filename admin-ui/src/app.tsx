import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from './lib/i18n.tsx';
import type { MessageKey } from './lib/messages/catalogue.ts';
import { Link, match, mayLeave, navigate, useLocation } from './lib/router.tsx';
import { startPage, useSession } from './lib/session.tsx';
import { Loading } from './components/status.tsx';
import { SignInPage } from './pages/sign-in.tsx';
import { StandardsLayout } from './pages/standards/standards-layout.tsx';
import { StandardRoute } from './pages/standards/standard-route.tsx';
import { StandardEditor } from './pages/standards/editor/standard-editor.tsx';
import { HistoryPage } from './pages/history/history-page.tsx';
import { AuditPage } from './pages/history/audit-page.tsx';
import { EditionsPage } from './pages/history/editions-page.tsx';
import { ChecklistsPage } from './pages/checklists/checklists-page.tsx';
import { PrintChecklistPage } from './pages/checklists/print-page.tsx';
import { InspectionsPage } from './pages/checklists/inspections-page.tsx';
import { InspectionPage } from './pages/checklists/inspection-page.tsx';
import { TasksPage } from './pages/workflows/tasks-page.tsx';
import { WorkflowsPage } from './pages/workflows/workflows-page.tsx';
import { DashboardPage } from './pages/dashboard/dashboard-page.tsx';
import { EffectPage } from './pages/effect/effect-page.tsx';
import { FindingsPage } from './pages/findings/findings-page.tsx';
import { ProposalsPage } from './pages/proposals/proposals-page.tsx';
import { ProposalNewPage } from './pages/proposals/proposal-new-page.tsx';
import { ProposalPage } from './pages/proposals/proposal-page.tsx';
import { PeoplePage } from './pages/people/people-page.tsx';
import { RegionsPage } from './pages/regions/regions-page.tsx';
import { FeedbackPage } from './pages/feedback/feedback-page.tsx';
import { FeedbackItemPage } from './pages/feedback/feedback-item-page.tsx';
import { ReviewPackPage } from './pages/voice/review-pack-page.tsx';
import { SurveysPage } from './pages/surveys/surveys-page.tsx';
import { QuestionnairePage } from './pages/surveys/questionnaire-page.tsx';
import { WavePage } from './pages/surveys/wave-page.tsx';
import { SurveyAnswerPage } from './pages/surveys/answer-page.tsx';
import { SurveyResultsPage } from './pages/surveys/results-page.tsx';
import { TrainingsPage } from './pages/training/trainings-page.tsx';
import { TrainingPage } from './pages/training/training-page.tsx';
import { CoachingPage } from './pages/coaching/coaching-page.tsx';
import { QualificationsPage } from './pages/qualifications/qualifications-page.tsx';
import { AssessmentsPage } from './pages/assessments/assessments-page.tsx';

// bpmn-js is large: the pages that draw diagrams load it when first opened
const ModelerPage = lazy(() => import('./pages/workflows/modeler-page.tsx'));
const InstancePage = lazy(() => import('./pages/workflows/instance-page.tsx'));
const FindingPage = lazy(() => import('./pages/findings/finding-page.tsx'));

interface Route {
  pattern: string;
  permission?: string;
  /** the navigation entry this page belongs to */
  section: string;
  render(params: Record<string, string>): ReactNode;
}

const ROUTES: Route[] = [
  { pattern: '/dashboard', section: 'dashboard', permission: 'readInspections', render: () => <DashboardPage /> },
  { pattern: '/standards', section: 'standards', permission: 'readStandards', render: () => <StandardsLayout /> },
  { pattern: '/standards/:code', section: 'standards', permission: 'readStandards', render: (p) => <StandardsLayout code={p.code}><StandardRoute code={p.code} /></StandardsLayout> },
  { pattern: '/standards/:code/edit', section: 'standards', permission: 'editStandards', render: (p) => <StandardEditor key={p.code} code={p.code} /> },
  { pattern: '/standards/:code/history', section: 'standards', permission: 'readStandards', render: (p) => <HistoryPage code={p.code} /> },
  { pattern: '/standards/:code/audit', section: 'standards', permission: 'readAuditTrail', render: (p) => <AuditPage subject={p.code} /> },
  { pattern: '/editions', section: 'editions', permission: 'readStandards', render: () => <EditionsPage /> },
  { pattern: '/audit', section: 'audit', permission: 'readAuditTrail', render: () => <AuditPage /> },
  { pattern: '/checklists', section: 'checklists', permission: 'readInspections', render: () => <ChecklistsPage /> },
  { pattern: '/checklists/:id/print', section: 'checklists', permission: 'readInspections', render: (p) => <PrintChecklistPage id={p.id} /> },
  { pattern: '/inspections', section: 'inspections', permission: 'readInspections', render: () => <InspectionsPage /> },
  { pattern: '/inspections/:id', section: 'inspections', permission: 'readInspections', render: (p) => <InspectionPage id={Number(p.id)} /> },
  { pattern: '/findings', section: 'findings', permission: 'readInspections', render: () => <FindingsPage /> },
  { pattern: '/findings/:id', section: 'findings', permission: 'readInspections', render: (p) => <FindingPage id={Number(p.id)} /> },
  { pattern: '/tasks', section: 'tasks', permission: 'workOnTasks', render: () => <TasksPage /> },
  { pattern: '/workflows', section: 'workflows', permission: 'readStandards', render: () => <WorkflowsPage /> },
  { pattern: '/workflows/:key', section: 'workflows', permission: 'readStandards', render: (p) => <ModelerPage workflowKey={p.key} /> },
  { pattern: '/instances/:id', section: 'workflows', permission: 'readInspections', render: (p) => <InstancePage id={Number(p.id)} /> },
  { pattern: '/proposals', section: 'proposals', permission: 'submitProposals', render: () => <ProposalsPage /> },
  { pattern: '/proposals/new', section: 'proposals', permission: 'submitProposals', render: () => <ProposalNewPage /> },
  { pattern: '/proposals/:id', section: 'proposals', permission: 'submitProposals', render: (p) => <ProposalPage id={Number(p.id)} /> },
  { pattern: '/people', section: 'people', permission: 'manageUsers', render: () => <PeoplePage /> },
  { pattern: '/regions', section: 'regions', permission: 'readFlyingInspections', render: () => <RegionsPage /> },
  { pattern: '/feedback', section: 'feedback', permission: 'readFeedback', render: () => <FeedbackPage /> },
  { pattern: '/feedback/:id', section: 'feedback', permission: 'readFeedback', render: (p) => <FeedbackItemPage id={Number(p.id)} /> },
  { pattern: '/standards/:code/review-pack', section: 'standards', permission: 'readFeedback', render: (p) => <ReviewPackPage code={p.code} /> },
  { pattern: '/surveys', section: 'surveys', permission: 'readSurveyResults', render: () => <SurveysPage /> },
  { pattern: '/surveys/questionnaires/:code', section: 'surveys', permission: 'readSurveyResults', render: (p) => <QuestionnairePage key={p.code} code={p.code} /> },
  { pattern: '/surveys/waves/:id', section: 'surveys', permission: 'readSurveyResults', render: (p) => <WavePage key={p.id} id={Number(p.id)} /> },
  { pattern: '/trainings', section: 'trainings', permission: 'takeQuizzes', render: () => <TrainingsPage /> },
  { pattern: '/trainings/:id', section: 'trainings', permission: 'takeQuizzes', render: (p) => <TrainingPage key={p.id} id={Number(p.id)} /> },
  { pattern: '/surveys/waves/:id/results', section: 'surveys', permission: 'readSurveyResults', render: (p) => <SurveyResultsPage key={p.id} waveId={Number(p.id)} /> },
  { pattern: '/coaching', section: 'coaching', permission: 'readTraining', render: () => <CoachingPage /> },
  { pattern: '/qualifications', section: 'qualifications', permission: 'readTraining', render: () => <QualificationsPage /> },
  { pattern: '/effect', section: 'effect', permission: 'readTraining', render: () => <EffectPage /> },
  { pattern: '/assessments', section: 'assessments', permission: 'runAssessments', render: () => <AssessmentsPage /> },
];

const NAV: { section: string; to: string; label: MessageKey; permission: string }[] = [
  { section: 'dashboard', to: '/dashboard', label: 'nav.dashboard', permission: 'readInspections' },
  { section: 'standards', to: '/standards', label: 'nav.standards', permission: 'readStandards' },
  { section: 'editions', to: '/editions', label: 'nav.editions', permission: 'readStandards' },
  { section: 'checklists', to: '/checklists', label: 'nav.checklists', permission: 'readInspections' },
  { section: 'inspections', to: '/inspections', label: 'nav.inspections', permission: 'readInspections' },
  { section: 'findings', to: '/findings', label: 'nav.findings', permission: 'readInspections' },
  { section: 'workflows', to: '/workflows', label: 'nav.workflows', permission: 'readStandards' },
  { section: 'tasks', to: '/tasks', label: 'nav.tasks', permission: 'workOnTasks' },
  { section: 'audit', to: '/audit', label: 'nav.audit', permission: 'readAuditTrail' },
  { section: 'proposals', to: '/proposals', label: 'nav.proposals', permission: 'submitProposals' },
  { section: 'people', to: '/people', label: 'nav.people', permission: 'manageUsers' },
  { section: 'regions', to: '/regions', label: 'nav.regions', permission: 'readFlyingInspections' },
  { section: 'feedback', to: '/feedback', label: 'nav.feedback', permission: 'readFeedback' },
  { section: 'surveys', to: '/surveys', label: 'nav.surveys', permission: 'readSurveyResults' },
  { section: 'landing', to: '/trainings', label: 'nav.landing', permission: 'takeQuizzes' },
];

/** Landing a standard (标准落地): one entry of the main navigation, its pages as tabs of their own. */
const LANDING: typeof NAV = [
  { section: 'trainings', to: '/trainings', label: 'nav.trainings', permission: 'takeQuizzes' },
  { section: 'coaching', to: '/coaching', label: 'nav.coaching', permission: 'readTraining' },
  { section: 'qualifications', to: '/qualifications', label: 'nav.qualifications', permission: 'readTraining' },
  { section: 'effect', to: '/effect', label: 'nav.effect', permission: 'readTraining' },
  { section: 'assessments', to: '/assessments', label: 'nav.assessments', permission: 'runAssessments' },
];

function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <button type="button" className="btn btn-ghost lang-switch" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} aria-label={t('shell.switchLanguage')} data-testid="lang-switch">
      {lang === 'zh' ? 'English' : '中文'}
    </button>
  );
}

function Shell({ section, children }: { section: string; children: ReactNode }) {
  const { t, term, lang } = useI18n();
  const { user, signOut, can } = useSession();
  const organisation = user!.organisation;
  const [menuOpen, setMenuOpen] = useState(false);
  const { path } = useLocation();
  const first = useRef(true);
  const landing = LANDING.some((n) => n.section === section);
  const active = landing ? 'landing' : section;
  const label = [...NAV, ...LANDING].find((n) => n.section === section)?.label;
  useEffect(() => {
    setMenuOpen(false);
    document.title = label ? `${t(label)} · 品质 Pinzhi` : '品质 Pinzhi';
    // after moving to another page, screen readers and the keyboard start at its content
    if (first.current) first.current = false;
    else document.getElementById('main')?.focus({ preventScroll: true });
  }, [path, label, t]);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">{t('shell.skipToContent')}</a>
      <header className="topbar">
        <Link to={startPage(user!.roles)} className="brand" aria-label={t('shell.home')}>
          <img src="/admin/favicon.svg" alt="" width={26} height={26} />
          <span className="brand-name">品质 <span className="brand-en">Pinzhi</span></span>
        </Link>
        <button type="button" className="btn btn-ghost menu-toggle" aria-expanded={menuOpen} aria-controls="main-nav" onClick={() => setMenuOpen((o) => !o)}>
          {t('shell.menu')}
        </button>
        <nav id="main-nav" className={`main-nav${menuOpen ? ' open' : ''}`} aria-label={t('shell.navigation')}>
          {NAV.filter((n) => can(n.permission)).map((n) => (
            <Link key={n.section} to={n.to} className={n.section === active ? 'active' : undefined} aria-current={n.section === active ? 'page' : undefined}>
              {t(n.label)}
            </Link>
          ))}
        </nav>
        <div className="topbar-end">
          <LanguageSwitch />
          {organisation ? <span className="organisation" title={t('shell.organisation')} data-testid="current-organisation">{lang === 'en' && organisation.nameEn ? organisation.nameEn : organisation.name}</span> : null}
          <span className="user" title={user!.roles.map((r) => term('role', r)).join(', ')} data-testid="current-user">
            {user!.displayName}
            <small>{user!.roles.map((r) => term('role', r)).join(' · ')}</small>
          </span>
          <button type="button" className="btn btn-ghost" onClick={() => mayLeave() && signOut()}>{t("shell.signOut")}</button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {landing && (
          <nav className="tabs sub-nav" aria-label={t('nav.landing')} data-testid="landing-tabs">
            {LANDING.filter((n) => can(n.permission)).map((n) => (
              <Link key={n.section} to={n.to} className={n.section === section ? 'active' : undefined} aria-current={n.section === section ? 'page' : undefined}>{t(n.label)}</Link>
            ))}
          </nav>
        )}
        {children}
      </main>
    </div>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <div className="page">
      <h1>{t('shell.notFound')}</h1>
      <p><Link to="/">{t('shell.home')}</Link></p>
    </div>
  );
}

/** The signed-in app: routes by path, each page checked against the user's permissions. */
export function App() {
  const { user, restoring, unreachable, retry, can } = useSession();
  const { path, query } = useLocation();
  const { t } = useI18n();

  // a household answering a survey link: no sign-in, no shell
  const surveyToken = /^\/s\/([A-Za-z0-9_-]+)$/.exec(path)?.[1];

  useEffect(() => {
    if (restoring || unreachable || surveyToken) return;
    if (!user && path !== '/sign-in') navigate(`/sign-in?next=${encodeURIComponent(path + (query.size ? `?${query}` : ''))}`, { replace: true, unguarded: true });
    else if (user && (path === '/' || path === '/sign-in')) navigate(query.get('next') && query.get('next') !== '/' ? query.get('next')! : startPage(user.roles), { replace: true, unguarded: true });
  }, [user, restoring, unreachable, path, query, surveyToken]);

  if (surveyToken) return <SurveyAnswerPage token={surveyToken} />;

  if (restoring) return <Loading />;
  if (unreachable && !user) {
    return (
      <div className="sign-in">
        <div className="card sign-in-card" role="alert">
          <h1>{t('shell.unreachable')}</h1>
          {unreachable.message ? <p className="muted">{unreachable.message}</p> : null}
          <button type="button" className="btn btn-primary" onClick={retry}>{t('shell.retry')}</button>
        </div>
      </div>
    );
  }
  if (!user) return path === '/sign-in' ? <SignInPage /> : <Loading />;
  if (path === '/' || path === '/sign-in') return <Loading />;
  // someone who holds no role anywhere yet sees nothing but why, instead of a page refused
  if (user.roles.length === 0) return <Shell section=""><div className="page"><p className="notice notice-error" role="alert" data-testid="no-membership">{t('people.noMembership', { username: user.username })}</p></div></Shell>;

  for (const route of ROUTES) {
    const params = match(route.pattern, path);
    if (!params) continue;
    const allowed = !route.permission || can(route.permission);
    // the print view is a page of its own, without the app's chrome
    if (route.pattern === '/checklists/:id/print' && allowed) return route.render(params);
    return (
      <Shell section={route.section}>
        {allowed ? <Suspense fallback={<Loading />}>{route.render(params)}</Suspense> : <div className="page"><p className="notice notice-error" role="alert">{t('shell.forbidden')}</p></div>}
      </Shell>
    );
  }
  return <Shell section=""><NotFound /></Shell>;
}
