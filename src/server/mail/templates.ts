/**
 * Every email Trellis sends. Emails never carry anything a person wrote — not even their name —
 * only what the message is about and a link. A shared inbox or lock-screen preview then reveals
 * nothing private.
 */
import type { MailMessage } from './mailer.ts';

const signOff = '\n\n— Trellis\nTrellis is a wellness and skills-practice tool, not a crisis service. If you are in danger or thinking about harming yourself, in the US call or text 988.';

export const mailTemplates = {
  verifyEmail(to: string, url: string): MailMessage {
    return {
      to,
      subject: 'Confirm your email for Trellis',
      text: `Hello,\n\nTo finish creating your Trellis account, confirm this email address by opening the link below. It works for one hour.\n\n${url}\n\nIf you did not sign up, you can ignore this message; nothing will happen.${signOff}`,
    };
  },
  resetPassword(to: string, url: string): MailMessage {
    return {
      to,
      subject: 'Reset your Trellis password',
      text: `Hello,\n\nSomeone (hopefully you) asked to reset the password for this Trellis account. To choose a new password, open the link below. It works for one hour.\n\n${url}\n\nIf you did not ask for this, you can ignore this message; your password stays the same.${signOff}`,
    };
  },
  existingAccountSignUp(to: string, signInUrl: string): MailMessage {
    return {
      to,
      subject: 'A sign-up attempt for your Trellis account',
      text: `Hello,\n\nSomeone tried to create a Trellis account with this email address, which already has one. If that was you, you can sign in here:\n\n${signInUrl}\n\nIf it was not you, your account is unchanged and you do not need to do anything.${signOff}`,
    };
  },
  passwordChanged(to: string): MailMessage {
    return {
      to,
      subject: 'Your Trellis password was changed',
      text: `Hello,\n\nThe password for this Trellis account was just changed. If that was you, there is nothing more to do. If it was not, reset your password from the sign-in page right away.${signOff}`,
    };
  },
  /**
   * Consultation bookings (docs/decisions/026). They name the practice and the time, never what
   * the client wrote in the intake; the calendar file says only "Consultation with <practice>".
   */
  bookingRequested(to: string, b: BookingMailFacts): MailMessage {
    return {
      to,
      subject: `Your consultation request with ${b.practiceName}`,
      text: `Hello,\n\nThank you for reaching out. Your request for ${b.when} with ${b.therapistName} has reached ${b.practiceName}. The time is held for you while they confirm, and we will write again when they do.\n\nTo see, move or cancel it, open your private link (keep it to yourself):\n\n${b.manageUrl}${b.ics ? '\n\nThe attached calendar file adds it to your calendar.' : ''}${signOff}`,
      attachments: b.ics ? [{ filename: 'consultation.ics', content: b.ics, contentType: 'text/calendar; charset=utf-8; method=REQUEST' }] : undefined,
    };
  },
  bookingAccepted(to: string, b: BookingMailFacts): MailMessage {
    return {
      to,
      subject: `Confirmed: your consultation with ${b.practiceName}`,
      text: `Hello,\n\n${b.therapistName} at ${b.practiceName} has confirmed ${b.when}. To see, move or cancel it, use the private link from your first email.${signOff}`,
      attachments: b.ics ? [{ filename: 'consultation.ics', content: b.ics, contentType: 'text/calendar; charset=utf-8; method=REQUEST' }] : undefined,
    };
  },
  bookingDeclined(to: string, b: BookingMailFacts): MailMessage {
    return {
      to,
      subject: `About your consultation request with ${b.practiceName}`,
      text: `Hello,\n\n${b.practiceName} cannot take the time you asked for (${b.when}), and it has been released. This is about their calendar, not about you. You are welcome to choose another time, or another practice, here:\n\n${b.bookingPageUrl}${signOff}`,
    };
  },
  bookingCancelled(to: string, b: BookingMailFacts): MailMessage {
    return {
      to,
      subject: `Cancelled: your consultation with ${b.practiceName}`,
      text: `Hello,\n\nYour consultation for ${b.when} with ${b.practiceName} is cancelled, as you asked. If you would like another time, the booking page is here:\n\n${b.bookingPageUrl}${signOff}`,
      attachments: b.ics ? [{ filename: 'consultation.ics', content: b.ics, contentType: 'text/calendar; charset=utf-8; method=CANCEL' }] : undefined,
    };
  },
  /**
   * 24 hours and 1 hour before an accepted consultation. The private link is not kept (only its
   * hash), so the mail says where to find it instead of repeating it.
   */
  bookingReminder(to: string, b: Omit<BookingMailFacts, 'manageUrl' | 'ics'> & { lead: '24h' | '1h' }): MailMessage {
    const soon = b.lead === '1h';
    return {
      to,
      subject: soon ? `Starting soon: your consultation with ${b.practiceName}` : `Reminder: your consultation with ${b.practiceName}`,
      text: `Hello,\n\n${soon ? 'A gentle reminder that your consultation starts in about an hour' : 'A gentle reminder of your consultation'}: ${b.when} with ${b.therapistName} at ${b.practiceName}.\n\nTo see, move or cancel it, use the private link in your confirmation email (the first one we sent about this consultation). For your privacy we do not keep a copy of that link, so we cannot send it again. If you cannot find it, the practice's booking page is here:\n\n${b.bookingPageUrl}${signOff}`,
    };
  },
  /** To the therapist, before an accepted consultation: the practice and the time, never the client. */
  bookingReminderForTherapist(to: string, b: { practiceName: string; when: string; lead: '24h' | '1h'; workspaceUrl: string }): MailMessage {
    return {
      to,
      subject: b.lead === '1h' ? `Starting soon: a consultation at ${b.practiceName}` : `Reminder: a consultation at ${b.practiceName}`,
      text: `Hello,\n\nYou have a consultation at ${b.practiceName} ${b.lead === '1h' ? 'in about an hour' : 'coming up'}: ${b.when}. The details are in your workspace:\n\n${b.workspaceUrl}${signOff}`,
    };
  },
  /**
   * A therapist's invitation to link a Trellis account (docs/decisions/027): the therapist, the
   * practice and the link — nothing the client or the therapist wrote.
   */
  careInvitation(to: string, b: { therapistName: string; practiceName: string; acceptUrl: string }): MailMessage {
    return {
      to,
      subject: `${b.therapistName} at ${b.practiceName} invited you to Trellis`,
      text: `Hello,\n\n${b.therapistName} at ${b.practiceName} has invited you to link your Trellis account with them. Linking shares nothing by itself: afterwards you choose what, if anything, to share, and you can stop sharing at any time.\n\nTo accept, sign in with this email address and open the link below. It works for 14 days.\n\n${b.acceptUrl}\n\nIf you were not expecting this, you can ignore this message; nothing will happen.${signOff}`,
    };
  },
  /** To the therapist: that a request arrived, never its intake. */
  bookingForTherapist(to: string, b: { practiceName: string; when: string; workspaceUrl: string }): MailMessage {
    return {
      to,
      subject: `A new consultation request at ${b.practiceName}`,
      text: `Hello,\n\nSomeone has asked for a consultation with you at ${b.practiceName} for ${b.when}. Sign in to read their request and accept or decline it:\n\n${b.workspaceUrl}${signOff}`,
    };
  },
};

export interface BookingMailFacts {
  practiceName: string;
  therapistName: string;
  /** The time in the client's zone, e.g. "Tue 12 Jan, 9:00 AM CST". */
  when: string;
  manageUrl: string;
  bookingPageUrl: string;
  ics?: string;
}
