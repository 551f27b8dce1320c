/**
 * The fixed vocabularies of the Reflect area. Values are stable keys stored in the database;
 * what a person reads for each comes from the web message catalog (`reflect.catalog.*`).
 */
export const TOPICS = ['communication', 'phone_social_media', 'friends', 'ex_partners', 'time_together', 'money', 'family', 'work', 'intimacy', 'plans_changing', 'jealousy', 'other'] as const;
export const TONES = ['calm', 'tense', 'heated', 'distant', 'playful', 'unclear'] as const;
export const BODY_CUES = ['racing_heart', 'tight_chest', 'stomach_knot', 'shallow_breath', 'hot_face', 'shaky', 'tense_shoulders', 'lump_in_throat', 'restless', 'numb', 'tearful', 'headache'] as const;
export const EMOTIONS = ['anxious', 'afraid', 'jealous', 'angry', 'hurt', 'sad', 'lonely', 'ashamed', 'insecure', 'rejected', 'confused', 'numb', 'hopeful', 'relieved'] as const;
export const URGES = ['seek_reassurance', 'check_phone', 'withdraw', 'pick_a_fight', 'accuse', 'check_social_media', 'go_silent', 'test_them', 'leave', 'other'] as const;
export const WOUND_OR_SIGNAL = ['old_wound', 'present_signal', 'both', 'unsure'] as const;
export const ORIGIN_ROOTS = ['past_betrayal', 'family_childhood', 'self_esteem', 'social_rejection', 'other'] as const;
export const SELF_WORTH_KINDS = ['goal', 'win', 'self_care'] as const;
export const ENTRY_KINDS = ['thought_record', 'quick_capture', 'reflection'] as const;

export type Topic = (typeof TOPICS)[number];
export type Tone = (typeof TONES)[number];
export type BodyCue = (typeof BODY_CUES)[number];
export type Emotion = (typeof EMOTIONS)[number];
export type Urge = (typeof URGES)[number];
export type WoundOrSignal = (typeof WOUND_OR_SIGNAL)[number];
export type OriginRoot = (typeof ORIGIN_ROOTS)[number];
export type SelfWorthKind = (typeof SELF_WORTH_KINDS)[number];
export type EntryKind = (typeof ENTRY_KINDS)[number];
