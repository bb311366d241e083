import { str, type TemplateMap } from '../../../shared/localize.js';

/** English for the console's the shell, its navigation and sign-in; ids match the msg() calls in widgets/console/shell/. */
export const templates: TemplateMap = {
  // The shell
  'console.name': 'Medverka – staff',
  'console.skip': 'Skip to content',
  'console.nav': 'Console sections',
  'console.signed-in-as': 'Signed in:',
  'console.sign-out': 'Sign out',
  'console.signed-out': 'You are signed out.',
  'console.signed-out-everywhere': 'You are signed out everywhere.',
  'console.session-ended': 'You have been signed out. Sign in again to continue.',
  'console.forbidden.title': 'No access',
  'console.forbidden': 'Your role does not have access to this part of the console. Choose another part in the menu.',

  // What waits, beside a screen's name in the navigation
  'console.nav.petitions-waiting': str`${0} to review`,
  'console.nav.panel-waiting': str`${0} to approve`,

  // Sign-in
  'console.sign-in.title': 'Sign in',
  'console.sign-in.password': 'Password',
  'console.sign-in.submit': 'Sign in',
  'console.sign-in.busy': 'Signing in …',
  'console.sign-in.wrong': 'The e-mail address or the password is not right. Check both and try again.',
  'console.sign-in.wait-one': 'Too many failed attempts. Wait one minute and try again.',
  'console.sign-in.wait': str`Too many failed attempts. Wait ${0} minutes and try again.`,
  'console.sign-in.forgot': 'Forgotten your password? Ask an administrator to set a new one.',
  'console.chat.nav-waiting': str`${0} waiting`,
  'console.chat.new-waiting': str`New chat waiting: ${0}`,
};
