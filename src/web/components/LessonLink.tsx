import { lessonById } from '../../core/lessons/catalog';
import { t } from '../lib/i18n';
import { AppLink } from './AppLink';

/** A small "Learn more: <lesson title>" link from an exercise to the reading behind it. */
export function LessonLink({ id }: { id: string }) {
  const lesson = lessonById(id);
  if (!lesson) return null;
  return (
    <p className="lesson-link">
      <AppLink to={`/lessons/${encodeURIComponent(lesson.id)}`}>{t('lessons.learnMore', { title: lesson.title })}</AppLink>
    </p>
  );
}
