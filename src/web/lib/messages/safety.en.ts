/**
 * The emergency reset page (/settings/emergency-reset, docs/decisions/029) and its link on the
 * settings page. A lazy catalog: registered by the modules that show it, not in every page's
 * first download. Plain and calm; it says what will happen, never what it will achieve.
 */
export const safetyEn = {
  settingsLink: {
    heading: 'Emergency reset',
    lead: 'If you need to cut every connection at once, one step signs out your other devices, unlinks your partner and ends every therapist link.',
    link: 'Go to emergency reset',
  },

  reset: {
    title: 'Emergency reset',
    lead: 'One step that cuts every connection at once. Here is exactly what it does:',
    does: {
      sessions: 'Signs you out on every other device and browser. You stay signed in here.',
      partner: 'Unlinks you from your partner, if you are linked. They see only that the link ended, as with any unlink. What you both wrote stays as a read-only archive.',
      therapists: 'Ends every link with a therapist, so they no longer see anything you chose to share. They see only that the link ended.',
      devices: 'Forgets remembered devices: notifications to your devices stop, and devices trusted for two-factor sign-in will ask for a code again.',
      invitation: 'Withdraws an invitation code you have not used yet.',
    },
    noOneTold: 'Nobody is told that you used this, and no email is sent about it.',
    keeps: 'Your journal and everything else you wrote stay as they are. If someone may know your password, you can change it in Settings afterwards.',
    start: 'Reset now…',

    confirmTitle: 'Reset everything now?',
    confirmBody: 'Your other devices are signed out, your partner is unlinked and every therapist link ends, straight away. This cannot be undone, though you can link again later if you choose.',
    confirmYes: 'Yes, reset now',
    confirmCancel: 'Cancel',

    pending: 'Resetting…',
    retrying: 'You are back online. Trying again…',

    offline: 'We couldn’t reach Trellis, so nothing has been reset yet. Please check your connection. We will try again as soon as you are back online, or you can try again yourself.',
    failed: 'The reset did not go through, so nothing has changed. Please try again.',
    tryAgain: 'Try again',

    doneHeading: 'Done. Here is what changed',
    sessionsNone: 'No other devices were signed in.',
    sessionsOne: 'Signed out on 1 other device or browser.',
    sessionsMany: 'Signed out on {count} other devices or browsers.',
    partnerYes: 'Unlinked from your partner.',
    partnerNo: 'You were not linked with a partner.',
    therapistsNone: 'You had no therapist links.',
    therapistsOne: 'Ended 1 therapist link: nothing you shared is visible through it any more.',
    therapistsMany: 'Ended {count} therapist links: nothing you shared is visible through them any more.',
    devicesNone: 'No remembered devices to forget.',
    devicesOne: 'Forgot 1 remembered device.',
    devicesMany: 'Forgot {count} remembered devices.',
    at: 'Done at {time}.',
    backToSettings: 'Back to Settings',
  },
};
