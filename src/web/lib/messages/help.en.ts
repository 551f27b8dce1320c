/** "Get help now" (/help) and discreet mode in Settings (docs/decisions/031). A lazy catalog. */
export const helpEn = {
  title: 'Get help now',
  lead: 'If you are in danger, thinking about harming yourself, or afraid of someone close to you, you do not have to face it alone. These services are free and confidential, and the people there are ready to listen.',
  region: 'Country',
  regionHint: 'Shows the services for the country you are in.',
  regionHeading: 'Services in {country}',
  notTrellis: 'These services are separate from Trellis. Trellis does not tell them, or anyone, that you looked at this page.',
  quickExit: 'To leave this page quickly, use Quick exit or press Escape three times.',
  back: 'Back to the start',
  discreet: {
    heading: 'Discreet mode',
    lead: 'For a shared or checked device. On this device only, the tab and the installed app are called “Notes”, and notifications here show “Notes” with no text at all. The choice is kept on this device and never sent to Trellis.',
    device: 'Use discreet mode on this device',
    on: 'Discreet mode is on for this device.',
    off: 'Discreet mode is off for this device.',
    pushUpdated: 'Notifications on this device now follow this choice.',
    emailHeading: 'Discreet emails',
    emailLead: 'Reminder emails say only “A new message is waiting” and a link, with nothing about what Trellis is for. This applies to every device you use.',
    email: 'Send discreet emails',
    emailSaved: 'Saved.',
    emailFailed: 'That could not be saved just now. Please try again.',
  },
};
