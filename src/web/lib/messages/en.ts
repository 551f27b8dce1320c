/**
 * Every sentence the web app shows, in English. Components never hard-code user-visible text
 * (aria-labels included): they call `t('area.key', params)`. `{name}` marks a parameter.
 *
 * Voice: warm, plain, non-judgemental. Trellis is a wellness and skills-practice tool — never
 * diagnose, never promise an outcome.
 */
export const en = {
  app: {
    name: 'Trellis',
    pageTitle: '{page} · Trellis',
    loading: 'Loading…',
    skipLink: 'Skip to main content',
    homeLinkLabel: 'Trellis home',
    retry: 'Try again',
    cancel: 'Cancel',
    saving: 'Saving…',
  },

  quickExit: {
    button: 'Quick exit',
    description: 'Leaves Trellis at once for a weather website. You can also press Escape three times.',
  },

  nav: {
    label: 'Main',
    home: 'Home',
    settings: 'Settings',
    signIn: 'Sign in',
    signUp: 'Create an account',
    signOut: 'Sign out',
    signingOut: 'Signing out…',
  },

  footer: {
    notTherapy:
      'Trellis is a wellness and skills-practice tool. It is not therapy, it does not diagnose, and it is not a crisis service.',
    quickExitTip: 'To leave quickly, use Quick exit or press Escape three times.',
  },

  crisis: {
    heading: 'If you need help right now',
    lead: 'In the US, these free, confidential services answer 24 hours a day:',
    lifeline: '988 Suicide & Crisis Lifeline:',
    call988: 'call 988',
    text988: 'text 988',
    dvHotline: 'National Domestic Violence Hotline:',
    callDv: 'call 1-800-799-7233',
    textDv: 'text START to 88788',
    or: 'or',
    emergency: 'If you are in immediate danger, call 911.',
  },

  landing: {
    title: 'Welcome',
    heading: 'A steady place to work on trust',
    lead:
      'Trellis helps you practise the everyday skills behind feeling secure with someone you love: noticing what stirs up a worry, telling an old hurt apart from what is happening today, and talking about it without blame.',
    ctaSignUp: 'Create a free account',
    ctaSignIn: 'I already have an account',
    goodbye: 'Your account has been deleted. Thank you for spending time here — take good care of yourself.',
    waysHeading: 'Use it in the way that suits you',
    aloneTitle: 'On your own',
    aloneBody:
      'Everything works without a partner. What you write stays private to you, and you can come back to it whenever you like.',
    coupleTitle: 'As a couple',
    coupleBody:
      'If you both choose to, link your accounts for short daily check-ins, small promises you can keep, and conversations with a gentle structure.',
    therapistTitle: 'With a therapist',
    therapistBody:
      'If you work with a therapist, you decide what they can see, you can stop sharing at any moment, and you can check each time they looked.',
    privacyHeading: 'Private by default, with no surveillance',
    privacyBody:
      'Nothing you write is shown to anyone unless you decide to share it. Trellis has no features for watching a partner: no location, no online status, no read receipts.',
    privacyQuickExit:
      'Quick exit, at the top of every page, takes you to a weather website straight away — and so does pressing Escape three times.',
    honestHeading: 'What Trellis is — and what it is not',
    honestBody:
      'Trellis is a wellness and skills-practice tool. It is not therapy, it does not diagnose anything, and it cannot promise a particular result for you or your relationship. It is also not a crisis service.',
    honestTherapy:
      'If things feel heavy or keep coming back, talking with a licensed therapist can offer support that an app cannot.',
  },

  notFound: {
    title: 'Page not found',
    heading: 'We couldn’t find that page',
    body: 'The link may be old or mistyped. Nothing is wrong on your side.',
    home: 'Go to the start page',
  },

  fields: {
    name: 'Your name',
    nameHint: 'A first name or nickname is fine. This is how Trellis will greet you.',
    email: 'Email address',
    password: 'Password',
    newPassword: 'New password',
    confirmPassword: 'New password, again',
    currentPassword: 'Current password',
    passwordHint: 'At least 12 characters. A few unrelated words work well — no special characters needed.',
    showPassword: 'Show password',
  },

  signUp: {
    title: 'Create an account',
    heading: 'Create your account',
    lead: 'It takes a minute. You can use Trellis entirely on your own.',
    submit: 'Create account',
    submitting: 'Creating your account…',
    haveAccount: 'Already have an account?',
    signInLink: 'Sign in',
    checkTitle: 'Check your email',
    checkHeading: 'Check your email',
    checkBody:
      'We sent a link to {email}. Open it to confirm your address, then you can sign in. The link works for a limited time.',
    checkSpam: 'Nothing there after a few minutes? Look in your spam or junk folder.',
  },

  signIn: {
    title: 'Sign in',
    heading: 'Sign in',
    submit: 'Sign in',
    submitting: 'Signing in…',
    forgot: 'Forgot your password?',
    noAccount: 'New to Trellis?',
    signUpLink: 'Create an account',
    notVerified:
      'Your email address isn’t confirmed yet. Please open the link we emailed you — or we can send a fresh one.',
    resend: 'Send a new confirmation link',
    resending: 'Sending…',
    resent: 'If this address needs confirming, a new link is on its way. It may take a few minutes.',
    signedOut: 'You’re signed out.',
    signedOutEverywhere: 'You’re signed out on every device.',
    passwordChanged: 'Your password is changed. Please sign in with the new one.',
  },

  verified: {
    title: 'Email confirmed',
    heading: 'Your email is confirmed',
    body: 'Thank you. You can sign in now.',
    signIn: 'Sign in',
    errorTitle: 'Link not working',
    errorHeading: 'This link didn’t work',
    errorBody:
      'Confirmation links expire after a while and can only be used once. No problem — try signing in and we’ll offer to send you a new one.',
  },

  twoFactor: {
    title: 'Two-step sign-in',
    heading: 'Enter your sign-in code',
    lead: 'Open your authenticator app and type the 6-digit code it shows for Trellis.',
    leadBackup: 'Type one of the backup codes you saved when you set up two-step sign-in. Each code works once.',
    code: '6-digit code',
    backupCode: 'Backup code',
    codeHint: 'The code changes every 30 seconds.',
    submit: 'Continue',
    submitting: 'Checking…',
    useBackup: 'Use a backup code instead',
    useApp: 'Use my authenticator app instead',
    codeFormat: 'Please enter the 6 digits from your authenticator app.',
    backupRequired: 'Please enter one of your backup codes.',
    startOver: 'Start signing in again',
  },

  forgot: {
    title: 'Reset your password',
    heading: 'Reset your password',
    lead: 'Enter the email address you use for Trellis and we’ll send a link to choose a new password.',
    submit: 'Send the link',
    submitting: 'Sending…',
    sent:
      'If an account exists for that address, we’ve sent a link to reset the password. It may take a few minutes, and it may land in spam.',
    backToSignIn: 'Back to sign in',
  },

  reset: {
    title: 'Choose a new password',
    heading: 'Choose a new password',
    submit: 'Save new password',
    submitting: 'Saving…',
    mismatch: 'The two passwords don’t match. Please type the same password twice.',
    done: 'Your new password is saved.',
    doneHeading: 'Password saved',
    signIn: 'Sign in',
    invalidHeading: 'This link has expired',
    invalidBody:
      'Reset links only work for a short time and only once. You can ask for a fresh one — it only takes a moment.',
    requestNew: 'Send me a new link',
  },

  home: {
    title: 'Home',
    heading: 'Welcome, {name}',
    headingNoName: 'Welcome',
    lead: 'Take your time. There is nothing you have to do here today.',
    tzHeading: 'Set your time zone',
    tzBody: 'Trellis uses your time zone to know when your day begins.',
    tzDetected: 'Your device says: {tz}',
    tzSave: 'Use this time zone',
    tzOther: 'Choose a different one in Settings',
    tzSaved: 'Time zone saved.',
    soonHeading: 'Coming to Trellis',
    soonLead: 'These parts are still being built. They’ll appear here one at a time.',
    soonJournal: 'Journal — a private place to write down what stirred up a worry, and look at it again when you feel calmer.',
    soonCheckins: 'Check-ins — a few short daily questions for couples; answers are shown to both of you only after you’ve both replied.',
    soonCoach: 'Talk coach — help turning a hard message into an “I” statement before you send or say it.',
    soonTherapist: 'Find a therapist — for when you’d like more support, a way to reach a therapist licensed where you live.',
  },

  settings: {
    title: 'Settings',
    heading: 'Settings',
    onThisPage: 'On this page',
    saved: 'Saved.',
    noChanges: 'Nothing has changed, so there was nothing to save.',
    profile: {
      heading: 'Profile',
      displayName: 'Display name',
      timeZone: 'Time zone',
      timeZoneHint: 'Zones are listed by region and city. With the list open, type the first letters of a city — for example Chicago or London.',
      timeZoneNone: 'Not set yet',
      timeZoneOther: 'Other',
      usState: 'US state for therapy matching',
      usStateHint: 'Therapists can only see clients in states where they are licensed. This is never shown to anyone else.',
      usStateNone: 'Not in the US / prefer not to say',
      language: 'Language',
      languageEn: 'English',
      languageHint: 'More languages may come later.',
      save: 'Save profile',
    },
    password: {
      heading: 'Password',
      revokeOthers: 'Sign out my other devices',
      save: 'Change password',
      done: 'Your password is changed.',
    },
    sessions: {
      heading: 'Devices you’re signed in on',
      lead: 'If you don’t recognise a device, sign it out and change your password.',
      thisDevice: 'This device',
      started: 'Signed in {date}',
      lastActive: 'Last active {date}',
      revoke: 'Sign out',
      revokeLabel: 'Sign out {device}, signed in {date}',
      revoked: 'That device is signed out.',
      everywhere: 'Sign out everywhere',
      everywhereHint: 'Signs out every device, including this one.',
      empty: 'No other devices are signed in.',
      unknownDevice: 'Unknown device',
      browserOnly: '{browser}',
      osOnly: 'A browser on {os}',
      browserOnOs: '{browser} on {os}',
    },
    twoFactor: {
      heading: 'Two-step sign-in',
      offBody:
        'Add a second step when you sign in: a 6-digit code from an authenticator app on your phone. Someone who learns your password still can’t get in.',
      onBody: 'Two-step sign-in is on. You’ll be asked for a code from your authenticator app when you sign in.',
      turnOn: 'Set up two-step sign-in',
      passwordLead: 'To keep this safe, please confirm your password first.',
      continue: 'Continue',
      step1: 'Add Trellis to your authenticator app by typing this key:',
      secretLabel: 'Setup key',
      openApp: 'Or open the setup link in an authenticator app on this device',
      step2: 'Then enter the 6-digit code the app shows, to check that it worked.',
      confirm: 'Turn on two-step sign-in',
      enabled: 'Two-step sign-in is on.',
      codesHeading: 'Your backup codes',
      codesBody:
        'If you lose your phone, each of these codes lets you sign in once. Keep them somewhere safe and private, such as a password manager. They won’t be shown again.',
      codesDone: 'I’ve saved my codes',
      turnOff: 'Turn off two-step sign-in',
      turnOffConfirm: 'Turn it off',
      turnedOff: 'Two-step sign-in is off.',
      newCodes: 'Get new backup codes',
      newCodesConfirm: 'Create new codes',
      newCodesLead: 'Your old backup codes will stop working. To keep this safe, please confirm your password first.',
    },
    delete: {
      heading: 'Delete your account',
      body:
        'This is permanent. Your account and everything in it are removed, and your encrypted writing becomes unreadable — even in backups. It cannot be undone.',
      password: 'Your password',
      confirmWord: 'delete',
      confirm: 'To confirm, type “{word}”',
      confirmMismatch: 'Please type “{word}” to confirm.',
      submit: 'Delete my account permanently',
      submitting: 'Deleting…',
    },
  },

  validation: {
    required: 'Please fill this in.',
    passwordRequired: 'Please enter your password.',
  },

  errors: {
    generic: 'Something went wrong on our side. Please try again in a moment.',
    network: 'We couldn’t reach Trellis. Please check your connection and try again.',
    tooMany: 'Too many tries — please wait a minute and try again.',
    notSignedIn: 'You’ve been signed out. Please sign in again.',
    loadFailed: 'We couldn’t load this just now.',
    codes: {
      INVALID_EMAIL_OR_PASSWORD: 'That email and password don’t match an account. Please check them and try again.',
      USER_ALREADY_EXISTS:
        'We couldn’t create an account with this email. If you already have one, try signing in or resetting your password.',
      USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL:
        'We couldn’t create an account with this email. If you already have one, try signing in or resetting your password.',
      PASSWORD_TOO_SHORT: 'Please use at least 12 characters. A few unrelated words work well.',
      PASSWORD_TOO_LONG: 'Please use 128 characters or fewer.',
      PASSWORD_COMPROMISED:
        'This password has appeared in a data breach elsewhere, so it isn’t safe to use. Please choose a different one.',
      PASSWORD_TOO_COMMON: 'This password is very common and easy to guess. Please choose a less common one.',
      INVALID_PASSWORD: 'That password isn’t right. Please try again.',
      INVALID_EMAIL: 'Please enter an email address like name@example.com.',
      INVALID_CODE: 'That code didn’t work. Codes change every 30 seconds — please try the current one.',
      INVALID_TWO_FACTOR_CODE: 'That code didn’t work. Codes change every 30 seconds — please try the current one.',
      INVALID_BACKUP_CODE: 'That backup code didn’t work. Each code can be used only once.',
      INVALID_TWO_FACTOR_COOKIE: 'Your sign-in took a while, so we stopped it to keep you safe. Please sign in again.',
      TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE: 'Too many tries — please wait a minute and try again.',
      ACCOUNT_TEMPORARILY_LOCKED: 'Too many tries — please wait a little while and try again.',
      TOO_MANY_REQUESTS: 'Too many tries — please wait a minute and try again.',
      INVALID_TOKEN: 'This link has expired or was already used. Please ask for a new one.',
      TOKEN_EXPIRED: 'This link has expired or was already used. Please ask for a new one.',
      SESSION_EXPIRED: 'For your safety, please sign out and sign in again before making this change.',
      PASSWORD_REQUIRED: 'Please enter your password.',
      EMAIL_NOT_VERIFIED: 'Your email address isn’t confirmed yet. Please open the link we emailed you.',
    },
  },
};

/** The catalog's shape: any other language must provide exactly these keys. */
export type Messages = typeof en;
