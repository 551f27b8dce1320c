import { lessonsByGroup } from '../../../core/lessons/catalog';
import { AppLink } from '../../components/AppLink';
import { PageHeading } from '../../components/PageHeading';
import { t } from '../../lib/i18n';

/** Every lesson, grouped, each with its summary and reading time; and the way to the guidance page. */
export default function Lessons() {
  return (
    <div className="page">
      <PageHeading title={t('lessons.title')}>{t('lessons.heading')}</PageHeading>
      <p className="lead">{t('lessons.lead')}</p>
      {lessonsByGroup().map(({ group, lessons }) => (
        <section key={group} aria-labelledby={`lessons-${group}`} className="lesson-group">
          <h2 id={`lessons-${group}`}>{t(`lessons.groups.${group}`)}</h2>
          <ul className="cards lesson-cards">
            {lessons.map((lesson) => (
              <li key={lesson.id} className="card">
                <h3>
                  <AppLink to={`/lessons/${encodeURIComponent(lesson.id)}`}>{lesson.title}</AppLink>
                </h3>
                <p>{lesson.summary}</p>
                <p className="hint">{t('lessons.minutes', { minutes: lesson.minutes })}</p>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <section className="card guidance-card" aria-labelledby="guidance-card-heading">
        <h2 id="guidance-card-heading">
          <AppLink to="/guidance">{t('lessons.guidanceCardHeading')}</AppLink>
        </h2>
        <p>{t('lessons.guidanceCardBody')}</p>
      </section>
      <p className="hint">{t('lessons.notTherapy')}</p>
    </div>
  );
}
