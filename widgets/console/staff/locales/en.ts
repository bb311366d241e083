import { str, type TemplateMap } from '../../../shared/localize.js';

/** English for the console's staff accounts and the audit log; ids match the msg() calls in widgets/console/staff/. */
export const templates: TemplateMap = {
  // Users
  'console.users.all': 'All users',
  'console.users.name': 'Name',
  'console.users.role': 'Role',
  'console.users.password': 'First password',
  'console.users.you': '(you)',
  'console.users.disabled': 'Disabled – cannot sign in',
  'console.users.created-at': str`Added ${0}`,
  'console.users.edit': 'Change name and role',
  'console.users.save': 'Save the changes',
  'console.users.saved': str`The changes for ${0} are saved.`,
  'console.users.enable': 'Enable',
  'console.users.disable': 'Disable',
  'console.users.now-disabled': str`${0} is disabled and cannot sign in.`,
  'console.users.now-enabled': str`${0} is enabled and can sign in again.`,
  'console.users.create': 'Add a user',
  'console.users.role-hint':
    'Administrators may do everything. Moderators handle proposals, responses and exports. Chat agents answer in the chat.',
  'console.users.password-hint':
    'At least 12 characters. Give the person the password in a safe way; they then change it under My account.',
  'console.users.create-submit': 'Add the user',
  'console.users.created': str`${0} is added as ${1}.`,

  // Audit log
  'console.audit.intro':
    'Who did what, and when: sign-ins, changes to users and tiles, the steps of e-petitions, budgets, polls and surveys, canned chat answers, downloads and erased personal data. What was done from the command line is here too, as done by the system.',
  'console.audit.refresh': 'Fetch again',
  'console.audit.refreshed': 'The log is updated.',
  'console.audit.empty': 'The log is empty.',
  'console.audit.caption': 'The latest 100 events, newest first',
  'console.audit.when': 'When',
  'console.audit.who': 'Who',
  'console.audit.action': 'What',
  'console.audit.target': 'Concerns',
  'console.audit.detail': 'Details',
  'console.audit.system': 'The system',

  // Account
  'console.account.name-heading': 'Your name in the chat',
  'console.account.name': 'Your name',
  'console.account.name-hint': 'Residents see this name when you answer in the chat. Leave it empty and they see “The municipality” instead.',
  'console.account.name-save': 'Save the name',
  'console.account.name-saved': 'The name is saved.',
  'console.account.change': 'Change password',
  'console.account.current': 'Current password',
  'console.account.new': 'New password',
  'console.account.new-hint': 'At least 12 characters. A long password of several ordinary words is both safe and easy to remember.',
  'console.account.repeat': 'New password again',
  'console.account.changed': 'The password is changed.',
  'console.account.everywhere': 'Sign out everywhere',
  'console.account.everywhere-hint':
    'Signs you out on every computer and phone where you are signed in, this one too. Do it if you forgot to sign out somewhere or think someone else got into your account.',
};
