import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';

type Row = {
  id: number;
  displayName: string;
  traineeClass: 'A' | 'B';
  cohort: string;
  status: string;
  currentStage: string | null;
};

export async function TraineeTable({ rows, caption }: { rows: Row[]; caption: string }) {
  const t = await getTranslations('trainee');
  if (rows.length === 0) return <p className="muted">{t('noTrainees')}</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('class')}</th>
            <th scope="col">{t('cohort')}</th>
            <th scope="col">{t('stage')}</th>
            <th scope="col">{t('status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link href={`/trainees/${row.id}`}>{row.displayName}</Link>
              </td>
              <td>{row.traineeClass}</td>
              <td>{row.cohort}</td>
              <td>{row.currentStage ? t(`stages.${row.currentStage}`) : t('stages.none')}</td>
              <td>
                <span className={`badge status-${row.status}`}>{t(`statuses.${row.status}`)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
