import { PROMPT_GROUPS, PROMPTS, promptOfTheDay } from '../../../core/reflect/prompts';
import { AppLink } from '../../components/AppLink';
import { Loading } from '../../components/Loading';
import { LessonLink } from '../../components/LessonLink';
import { PageHeading } from '../../components/PageHeading';
import { dayOf } from '../../lib/datetime';
import { t } from '../../lib/i18n';
import { useTimeZone } from '../../lib/use-time-zone';

/** Today's prompt (for the person's own day) first, then every prompt by group. */
export default function Prompts() {
  const settings = useTimeZone();
  const today = settings.ready ? promptOfTheDay(dayOf(Date.now(), settings.timeZone)) : undefined;
  return (
    <div className="page">
      <PageHeading title={t('prompts.title')}>{t('prompts.heading')}</PageHeading>
      <p className="lead">{t('prompts.lead')}</p>
      <LessonLink id="attachment-tendencies" />
      {today ? (
        <section className="card prompt-today" aria-labelledby="today-heading">
          <h2 id="today-heading">{t('prompts.todayHeading')}</h2>
          <blockquote className="prompt-quote">{today.text}</blockquote>
          <p>
            <AppLink className="button" to={`/journal/prompts/${encodeURIComponent(today.id)}`} aria-label={t('prompts.answerLabel', { prompt: today.text })}>
              {t('prompts.answer')}
            </AppLink>
          </p>
        </section>
      ) : (
        <Loading />
      )}
      <h2>{t('prompts.groupsHeading')}</h2>
      {PROMPT_GROUPS.map((group) => {
        const prompts = PROMPTS.filter((prompt) => prompt.group === group.id);
        if (prompts.length === 0) return null;
        return (
          <section key={group.id} aria-labelledby={`group-${group.id}`} className="prompt-group">
            <h3 id={`group-${group.id}`}>{group.title}</h3>
            <ul className="prompt-list">
              {prompts.map((prompt) => (
                <li key={prompt.id}>
                  <AppLink to={`/journal/prompts/${encodeURIComponent(prompt.id)}`}>{prompt.text}</AppLink>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
