import { Badge } from '../../components/status.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { stateLabel, type ProcessLabels } from './process-labels.ts';

interface InstanceTask {
  id: number;
  elementId: string;
  name: string | null;
  candidateRole?: string | null;
  status: string;
  dueAt: string | null;
  completedBy: string | null;
  claimedBy: string | null;
}

/**
 * An instance's tasks as a table: each step by its name (an open one links to the inbox), the role
 * that works it when asked for, its status, due time and who completed or holds it.
 */
export function InstanceTasks({ tasks, labels, withRole = false, testId }: { tasks: readonly InstanceTask[]; labels: ProcessLabels; withRole?: boolean; testId?: string }) {
  const { t, dateTime, term } = useI18n();
  return (
    <table data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t('tasks.task')}</th>
          {withRole ? <th scope="col">{t('tasks.role')}</th> : null}
          <th scope="col">{t('history.status')}</th><th scope="col">{t('tasks.due')}</th><th scope="col">{t('instance.completedBy')}</th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((task) => {
          const name = task.name || stateLabel(labels, task.elementId, term);
          return (
            <tr key={task.id}>
              <td>{task.status === 'open' ? <Link to={`/tasks?task=${task.id}`}>{name}</Link> : name}</td>
              {withRole ? <td>{term('role', task.candidateRole)}</td> : null}
              <td><Badge value={task.status} /></td>
              <td>{dateTime(task.dueAt)}</td>
              <td>{task.completedBy ?? task.claimedBy ?? '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
