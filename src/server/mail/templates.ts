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
};
