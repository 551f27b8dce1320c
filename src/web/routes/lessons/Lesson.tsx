import { useParams } from 'react-router';
import { lessonById } from '../../../core/lessons/catalog';
import type { LessonBlock, LessonSource } from '../../../core/lessons/schema';
import { EXERCISE_KEYS, type LessonMeta } from '../../../core/lessons/vocabulary';
import { AppLink } from '../../components/AppLink';
import { Loading } from '../../components/Loading';
import { AlertMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { t } from '../../lib/i18n';
import { loadLessonBody } from '../../lib/lessons';
import { useResource } from '../../lib/use-resource';

/** One block of a lesson body, as plain elements (never HTML from the data). */
function Block({ block }: { block: LessonBlock }) {
  switch (block.type) {
    case 'p':
      return <p>{block.text}</p>;
    case 'h':
      return <h2>{block.text}</h2>;
    case 'ul':
      return (
        <ul>
          {block.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      );
  }
}

function Source({ source }: { source: LessonSource }) {
  return (
    <li>
      {t('lessons.sourceLine', { author: source.author, year: source.year, title: source.title })}
      {source.publisher && <> {t('lessons.sourcePublisher', { publisher: source.publisher })}</>}
    </li>
  );
}

function Reading({ lesson }: { lesson: LessonMeta }) {
  const body = useResource(() => loadLessonBody(lesson.id));
  return (
    <article className="page lesson">
      <p className="lesson-back">
        <AppLink to="/lessons">{t('lessons.back')}</AppLink>
      </p>
      <PageHeading title={lesson.title} />
      <p className="lead">{lesson.summary}</p>
      <p className="hint">{t('lessons.minutes', { minutes: lesson.minutes })}</p>
      {body.loading && <Loading />}
      {body.error !== undefined && (
        <div className="callout">
          <AlertMessage message={t('lessons.loadError')} />
          <button type="button" className="button button-secondary" onClick={body.reload}>
            {t('app.retry')}
          </button>
        </div>
      )}
      {body.data && (
        <>
          <div className="lesson-body">
            {body.data.body.map((block, i) => (
              <Block key={i} block={block} />
            ))}
          </div>
          <section className="card lesson-try" aria-labelledby="try-heading">
            <h2 id="try-heading">{t('lessons.tryThisHeading')}</h2>
            <ul className="plain-list">
              {lesson.related.map((route) => (
                <li key={route}>
                  <AppLink to={route}>{t(`lessons.exercises.${EXERCISE_KEYS[route]}`)}</AppLink>
                </li>
              ))}
            </ul>
          </section>
          <section className="lesson-sources" aria-labelledby="sources-heading">
            <h2 id="sources-heading">{t('lessons.sourcesHeading')}</h2>
            {body.data.sources.length > 0 ? (
              <ul>
                {body.data.sources.map((source) => (
                  <Source key={`${source.author}-${source.year}-${source.title}`} source={source} />
                ))}
              </ul>
            ) : (
              <p>{t('lessons.noSources')}</p>
            )}
          </section>
        </>
      )}
      <p className="note">{t('lessons.notTherapy')}</p>
    </article>
  );
}

/** `/lessons/:id`: the reading, what to try next, its sources, and a reminder that this is not therapy. */
export default function Lesson() {
  const { id = '' } = useParams();
  const lesson = lessonById(id);
  if (!lesson) {
    return (
      <div className="page">
        <PageHeading title={t('lessons.notFoundTitle')} />
        <p>{t('lessons.notFoundBody')}</p>
        <p>
          <AppLink to="/lessons">{t('lessons.back')}</AppLink>
        </p>
      </div>
    );
  }
  // Keyed by id: a new lesson is a new reading with its own loading state.
  return <Reading key={lesson.id} lesson={lesson} />;
}
