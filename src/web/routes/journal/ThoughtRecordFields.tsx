import { EMOTIONS, TONES, TOPICS, URGES, WOUND_OR_SIGNAL, type Emotion } from '../../../core/reflect/catalogs';
import { SelectField, TextInput } from '../../components/fields';
import { CheckboxGroupField, FormSection, IntensityField, RadioGroupField, ShortTextField, TextAreaField } from '../../components/reflect/fields';
import type { EntryFormValues } from '../../lib/entry-form';
import { t } from '../../lib/i18n';
import { zoneName } from '../../lib/format';
import { bodyCueOptions, emotionLabel, topicOptions, urgeOptions, yesNoOptions } from './options';

const NONE = 'none';

/** The whole thought record, one calm section at a time. Every field is optional except the time. */
export function ThoughtRecordFields({
  values,
  change,
  fieldErrors,
  timeZone,
  showTimeZone,
}: {
  values: EntryFormValues;
  change: (patch: Partial<EntryFormValues>) => void;
  fieldErrors: Record<string, string>;
  timeZone: string;
  showTimeZone: boolean;
}) {
  const selectEmotions = (next: Emotion[]) => {
    const existing = new Map(values.emotions.map((e) => [e.emotion, e.intensity]));
    // Keep the catalog's order, and each feeling's rating while it stays picked.
    change({ emotions: EMOTIONS.filter((e) => next.includes(e)).map((emotion) => ({ emotion, intensity: existing.get(emotion) ?? 50 })) });
  };

  return (
    <>
      <FormSection id="happened" heading={t('entry.happened.heading')} hint={t('entry.happened.hint')}>
        <ShortTextField
          name="occurredAt"
          type="datetime-local"
          label={t('reflect.when')}
          description={showTimeZone ? t('reflect.timeZoneHint', { tz: zoneName(timeZone) }) : undefined}
          value={values.occurredLocal}
          onChange={(occurredLocal) => change({ occurredLocal })}
          isRequired
        />
        <TextAreaField name="whatHappened" label={t('entry.happened.what')} value={values.whatHappened} onChange={(whatHappened) => change({ whatHappened })} />
        <ShortTextField name="place" label={t('entry.happened.place')} value={values.place} onChange={(place) => change({ place })} />
        <ShortTextField name="people" label={t('entry.happened.people')} value={values.people} onChange={(people) => change({ people })} />
        <SelectField
          name="topic"
          label={t('entry.happened.topic')}
          options={[{ id: NONE, label: t('reflect.choose') }, ...topicOptions()]}
          value={values.topic || NONE}
          onChange={(topic) => change({ topic: topic === NONE ? '' : (TOPICS.find((x) => x === topic) ?? '') })}
        />
        {values.topic === 'other' && (
          <ShortTextField name="topicOther" label={t('entry.happened.topicOther')} value={values.topicOther} onChange={(topicOther) => change({ topicOther })} />
        )}
        <RadioGroupField
          name="tone"
          label={t('entry.happened.tone')}
          options={TONES.map((id) => ({ id, label: t(`reflect.catalog.tone.${id}`) }))}
          value={values.tone}
          onChange={(tone) => change({ tone })}
          orientation="horizontal"
        />
      </FormSection>

      <FormSection id="body" heading={t('entry.body.heading')} hint={t('entry.body.hint')}>
        <CheckboxGroupField name="bodyCues" label={t('entry.body.cues')} options={bodyCueOptions()} value={values.bodyCues} onChange={(bodyCues) => change({ bodyCues })} />
        <ShortTextField name="bodyCuesOther" label={t('entry.body.other')} value={values.bodyCuesOther} onChange={(bodyCuesOther) => change({ bodyCuesOther })} />
      </FormSection>

      <FormSection id="feelings" heading={t('entry.feelings.heading')} hint={t('entry.feelings.hint')}>
        <CheckboxGroupField
          name="emotions"
          label={t('entry.feelings.emotions')}
          options={EMOTIONS.map((id) => ({ id, label: emotionLabel(id) }))}
          value={values.emotions.map((e) => e.emotion)}
          onChange={selectEmotions}
        />
        {values.emotions.map((rating, index) => (
          <IntensityField
            key={rating.emotion}
            name={`emotions.${index}.intensity`}
            label={t('entry.feelings.emotionIntensity', { emotion: emotionLabel(rating.emotion) })}
            value={rating.intensity}
            clearable={false}
            error={fieldErrors[`emotions.${index}.intensity`]}
            onChange={(intensity) =>
              change({ emotions: values.emotions.map((e) => (e.emotion === rating.emotion ? { ...e, intensity: intensity ?? e.intensity } : e)) })
            }
          />
        ))}
        <IntensityField
          name="intensityBefore"
          label={t('entry.feelings.peak')}
          value={values.intensityBefore}
          error={fieldErrors.intensityBefore}
          onChange={(intensityBefore) => change({ intensityBefore })}
        />
      </FormSection>

      <FormSection id="urge" heading={t('entry.urge.heading')} hint={t('entry.urge.hint')}>
        <SelectField
          name="urge"
          label={t('entry.urge.urge')}
          options={[{ id: NONE, label: t('reflect.choose') }, ...urgeOptions()]}
          value={values.urge || NONE}
          onChange={(urge) => change({ urge: urge === NONE ? '' : (URGES.find((x) => x === urge) ?? '') })}
        />
        {values.urge === 'other' && <ShortTextField name="urgeOther" label={t('entry.urge.other')} value={values.urgeOther} onChange={(urgeOther) => change({ urgeOther })} />}
        <RadioGroupField
          name="urgeActedOn"
          label={t('entry.urge.actedOn')}
          options={yesNoOptions()}
          value={values.urgeActedOn}
          onChange={(urgeActedOn) => change({ urgeActedOn })}
          orientation="horizontal"
        />
      </FormSection>

      <FormSection id="story" heading={t('entry.story.heading')} hint={t('entry.story.hint')}>
        <TextAreaField name="story" label={t('entry.story.label')} value={values.story} onChange={(story) => change({ story })} />
      </FormSection>

      <FormSection id="evidence" heading={t('entry.evidence.heading')} hint={t('entry.evidence.hint')}>
        <TextAreaField name="evidenceFor" label={t('entry.evidence.for')} value={values.evidenceFor} onChange={(evidenceFor) => change({ evidenceFor })} />
        <TextAreaField name="evidenceAgainst" label={t('entry.evidence.against')} value={values.evidenceAgainst} onChange={(evidenceAgainst) => change({ evidenceAgainst })} />
      </FormSection>

      <FormSection id="wound" heading={t('entry.woundOrSignal.heading')} hint={t('entry.woundOrSignal.hint')}>
        <RadioGroupField
          name="woundOrSignal"
          label={t('entry.woundOrSignal.label')}
          options={WOUND_OR_SIGNAL.map((id) => ({ id, label: t(`reflect.catalog.woundOrSignal.${id}`) }))}
          value={values.woundOrSignal}
          onChange={(woundOrSignal) => change({ woundOrSignal })}
        />
      </FormSection>

      <FormSection id="reframe" heading={t('entry.reframe.heading')} hint={t('entry.reframe.hint')}>
        <TextAreaField name="reframe" label={t('entry.reframe.label')} value={values.reframe} onChange={(reframe) => change({ reframe })} />
        <IntensityField
          name="intensityAfter"
          label={t('entry.reframe.after')}
          value={values.intensityAfter}
          error={fieldErrors.intensityAfter}
          onChange={(intensityAfter) => change({ intensityAfter })}
        />
      </FormSection>

      <FormSection id="tags" heading={t('entry.tags.heading')}>
        <TextInput name="tags" label={t('entry.tags.label')} description={t('entry.tags.hint')} value={values.tags} onChange={(tags) => change({ tags })} autoComplete="off" maxLength={900} />
      </FormSection>
    </>
  );
}
