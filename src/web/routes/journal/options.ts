import { BODY_CUES, ENTRY_KINDS, TOPICS, URGES, type BodyCue, type Emotion, type EntryKind, type Topic, type Urge } from '../../../core/reflect/catalogs';
import { t } from '../../lib/i18n';

/** Catalog values → what a person reads (reflect.catalog.* in the message catalog). */
export const topicLabel = (topic: Topic) => t(`reflect.catalog.topic.${topic}`);
export const emotionLabel = (emotion: Emotion) => t(`reflect.catalog.emotion.${emotion}`);
export const kindLabel = (kind: EntryKind) => t(`reflect.catalog.entryKind.${kind}`);

export const topicOptions = () => TOPICS.map((id) => ({ id, label: topicLabel(id) }));
export const urgeOptions = () => URGES.map((id: Urge) => ({ id, label: t(`reflect.catalog.urge.${id}`) }));
export const bodyCueOptions = () => BODY_CUES.map((id: BodyCue) => ({ id, label: t(`reflect.catalog.bodyCue.${id}`) }));
export const kindOptions = () => ENTRY_KINDS.map((id) => ({ id, label: kindLabel(id) }));
export const yesNoOptions = () => [
  { id: 'yes' as const, label: t('reflect.yes') },
  { id: 'no' as const, label: t('reflect.no') },
];
