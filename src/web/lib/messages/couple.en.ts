/** The couple space: linking with a partner, the couple page. Part of the English catalog (messages/en.ts). */
export const coupleEn = {
  title: 'Together',
  joinTitle: 'Join your partner',

  // Single: what linking means, never a push.
  singleLead: 'Trellis works fully on your own. If you and your partner would like to practise together, you can link your two accounts.',
  sharedHeading: 'What linking shares',
  shared1: 'Daily check-ins, shown to both of you only once you have both answered that day.',
  shared2: 'Commitments each of you makes, and whether each one was kept.',
  shared3: 'Your display name, so your partner knows it is you.',
  privateHeading: 'What stays yours alone',
  private1: 'Your journal, urge log, origins map, self-worth notes and check-up results.',
  private2: 'Whether you are online, when you last visited, and whether you have read something.',
  unlinkNote: 'Either of you can end the link at any time, on your own. Nobody needs the other’s permission.',
  inviteButton: 'Invite my partner',
  haveCodeButton: 'I have a code',

  pendingHeading: 'Your invitation is waiting',
  pendingBody: 'Your partner can use it until {expires}. For your safety the code itself is not shown again; you can make a new one at any time.',
  withdrawButton: 'Withdraw invitation',
  withdrawn: 'Your invitation was withdrawn. Nobody can use that code now.',
  newInviteButton: 'Make a new invitation',

  // The private question.
  questionHeading: 'A private question first',
  questionPrivacy: 'Only you see this. Your answer is not saved, and nobody is told about it — not your partner, not anyone.',
  question: 'Do you ever feel afraid of your partner, or of how they might react?',
  questionYes: 'Yes, sometimes',
  questionNo: 'No',
  questionBack: 'Not now',

  afraidHeading: 'Your safety comes first',
  afraidBody1: 'Feeling afraid of a partner is important, and you deserve to feel safe. For now we suggest using Trellis on your own, where everything you write stays with you.',
  afraidBody2: 'If you would like to talk with someone, these services are free and confidential:',
  afraidStayAlone: 'Keep using Trellis on my own',
  afraidContinue: 'Continue anyway',

  // Inviting.
  creating: 'Making your invitation…',
  inviteHeading: 'Your invitation',
  inviteLead: 'Share this code or link with your partner. It is shown only this once, works one time, and expires {expires}.',
  codeLabel: 'Code',
  linkLabel: 'Link',
  copyCode: 'Copy code',
  copyLink: 'Copy link',
  copied: 'Copied.',
  copyFailed: 'Copying did not work here. You can select the text and copy it yourself.',
  inviteDone: 'Done',

  // Joining.
  joinHeading: 'Enter your partner’s code',
  joinLead: 'Your partner sees the code when they make an invitation. Capitals, spaces and dashes do not matter.',
  codeField: 'Invitation code',
  codeHint: '10 letters and digits, for example ABCDE-23456',
  codeRequired: 'Please enter the code your partner gave you.',
  joinButton: 'Link our accounts',
  joining: 'Linking…',

  // Linked.
  linkedHeading: 'Linked with {name}',
  linkedPartnerUnknown: 'your partner',
  linkedSince: 'Linked since {date}.',
  linkedJustNow: 'You are now linked with {name}.',
  linkedShared: 'You both see the check-ins you have both answered and the commitments each of you makes. Everything else stays private to each of you.',
  featuresHeading: 'Practise together',
  checkinLink: 'Daily check-in',
  checkinHint: 'A few short questions; answers open once you have both replied.',
  commitmentsLink: 'Commitments',
  commitmentsHint: 'Small promises, and a record of keeping them.',

  unlinkHeading: 'Ending the link',
  unlinkButton: 'Unlink',
  unlinkQuestion: 'If you unlink, it happens straight away and you do not need {name}’s agreement. {name} will only see that the link has ended. Nothing new can be shared after that. What you both wrote while linked stays readable to each of you as an archive.',
  unlinkConfirm: 'Yes, unlink now',
  unlinkKeep: 'Keep the link',
  unlinking: 'Unlinking…',
  unlinked: 'The link has ended. Trellis keeps working for you on your own.',

  // Archive.
  pastHeading: 'Earlier links',
  pastItem: 'Linked from {from} to {to}.',
  pastNote: 'What was shared then stays readable to each of you, and nothing new can be added.',
  archiveDeleteButton: 'Delete what I wrote in this shared space',
  archiveDeleteTitle: 'Delete what you wrote here?',
  archiveDeleteBody:
    'This removes, for good, everything you added while you were linked from {from} to {to}: your check-ins, commitments, your versions of agreements and your acceptances, your boundaries, reflections, repair notes, your side of the cycle map and the entries you shared. It cannot be undone.',
  archiveDeleteKeeps: 'What the other person wrote stays with them. Your own journal stays yours; only its sharing ends.',
  archiveDeleteConfirm: 'Yes, delete what I wrote',
  archiveDeleteCancel: 'Keep it',
  archiveDeleting: 'Deleting…',
  archiveDeleted: 'Done. What you wrote in that shared space is gone ({count} in all).',
  archiveDeletedNothing: 'There was nothing of yours left in that shared space.',
};
