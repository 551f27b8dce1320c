/**
 * The crisis-lines panel (components/reflect/SafetyPanel.tsx): shown after a save whose words match
 * the screening, and on /help (docs/decisions/031). A lazy catalog, registered by SafetyPanel.tsx,
 * so these sentences are not in every page's first download.
 */
export const crisisLinesEn = {
  heading: 'Support, if you’d like it',
  lead: 'Some of what you wrote sounds very heavy. You don’t have to hold it on your own. These free, confidential services are there whenever you want to talk to someone.',
  private: 'Only you can see this note. Trellis hasn’t told anyone, and your words were saved as usual.',
  call: 'Call {number}',
  text: 'Text {number}',
  textBody: 'Text {body} to {number}',
  website: 'Website: {name}',
  emergency: 'If you’re in danger right now, call {number}.',
};
