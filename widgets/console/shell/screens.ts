/**
 * The console's screens, in navigation order: the daily work first (what residents wait
 * for), then administration. One entry drives both the navigation (only the screens the
 * signed-in role may use are listed) and the routing (#/<path>/<params…>).
 * A new screen is one element file plus one entry here, and its tag in `screenElements`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { WorkCounts } from '../../../server/staff/schemas.js';
import { msg, str } from '../../shared/localize.js';
import { roles, type Role, type StaffUser } from '../kit/api.js';
import { MedverkaConsoleAccount } from '../staff/account.element.js';
import { MedverkaConsoleAudit } from '../staff/audit.element.js';
import { MedverkaConsoleBudget } from '../budgets/budget.element.js';
import { MedverkaConsoleBudgets, newBudgetPath } from '../budgets/budgets.element.js';
import { MedverkaConsoleChatAnswers } from '../chat/chat-answers.element.js';
import { MedverkaConsoleChatConversation } from '../chat/chat-conversation.element.js';
import { cannedAnswersPath, MedverkaConsoleChatInbox } from '../chat/chat-inbox.element.js';
import { MedverkaConsoleEmbed } from '../embed/embed.element.js';
import { MedverkaConsolePetition } from '../petitions/petition.element.js';
import { MedverkaConsolePanel, newSurveyPath } from '../panel/panel.element.js';
import { MedverkaConsolePetitions } from '../petitions/petitions.element.js';
import { MedverkaConsolePoll } from '../polls/poll.element.js';
import { MedverkaConsolePolls, newPollPath } from '../polls/polls.element.js';
import { MedverkaConsoleSurvey } from '../panel/survey.element.js';
import { MedverkaConsoleTileSet } from '../tiles/tile-set.element.js';
import { MedverkaConsoleTileSets } from '../tiles/tile-sets.element.js';
import { MedverkaConsoleUsers } from '../staff/users.element.js';

export interface ConsoleScreenEntry {
  /** The first part of the hash: #/<path>. */
  path: string;
  /** The screen's name in the navigation and the page title, in the language being rendered. */
  label: () => string;
  /** The roles that may open it. */
  roles: readonly Role[];
  /** The screen's element; `params` are the hash's parts after the path, decoded. */
  render: (params: string[], user: StaffUser) => TemplateResult;
  /** What waits on this screen, counted beside it in the navigation: the count, and what it means in words. */
  waiting?: { count: keyof WorkCounts; words: (n: number) => string };
}

/**
 * A feature whose editor also makes new ones (budgets, polls, surveys): its list when no id is
 * given, its editor for a new one at `newPath`, or its editor for the one with that id.
 */
function listOrEditor(id: string | undefined, newPath: string, list: () => TemplateResult, editor: (id: string | undefined) => TemplateResult): TemplateResult {
  return !id ? list() : editor(id === newPath ? undefined : id);
}

/** The chat inbox's path; the console shows how many conversations wait beside it. */
export const chatPath = 'chat';
/** The roles that answer chats (the server's own list for /api/staff/chat). */
export const chatRoles: readonly Role[] = ['admin', 'chat_agent'];

export const screens: ConsoleScreenEntry[] = [
  {
    path: 'petitions',
    label: () => msg('E-förslag', { id: 'console.nav.petitions' }),
    roles: ['admin', 'moderator'],
    waiting: { count: 'petitionsAwaitingModeration', words: (n) => msg(str`${n} att granska`, { id: 'console.nav.petitions-waiting' }) },
    render: ([id]) =>
      id
        ? html`<medverka-console-petition petition-id=${id}></medverka-console-petition>`
        : html`<medverka-console-petitions></medverka-console-petitions>`,
  },
  {
    path: 'budgets',
    label: () => msg('Budgetar', { id: 'console.nav.budgets' }),
    roles: ['admin', 'moderator'],
    render: ([slug]) =>
      listOrEditor(
        slug,
        newBudgetPath,
        () => html`<medverka-console-budgets></medverka-console-budgets>`,
        (slug) => html`<medverka-console-budget slug=${slug ?? nothing}></medverka-console-budget>`,
      ),
  },
  {
    path: 'polls',
    label: () => msg('Snabbfrågor', { id: 'console.nav.polls' }),
    roles: ['admin', 'moderator'],
    render: ([id]) =>
      listOrEditor(
        id,
        newPollPath,
        () => html`<medverka-console-polls></medverka-console-polls>`,
        (id) => html`<medverka-console-poll poll-id=${id ?? nothing}></medverka-console-poll>`,
      ),
  },
  {
    path: 'panel',
    label: () => msg('Medborgarpanel', { id: 'console.nav.panel' }),
    roles: ['admin', 'moderator'],
    waiting: { count: 'surveysAwaitingApproval', words: (n) => msg(str`${n} att godkänna`, { id: 'console.nav.panel-waiting' }) },
    render: ([id], user) =>
      listOrEditor(
        id,
        newSurveyPath,
        () => html`<medverka-console-panel></medverka-console-panel>`,
        (id) => html`<medverka-console-survey survey-id=${id ?? nothing} staff-id=${user.id}></medverka-console-survey>`,
      ),
  },
  {
    path: chatPath,
    label: () => msg('Chatt', { id: 'console.nav.chat' }),
    roles: chatRoles,
    waiting: { count: 'chatsWaiting', words: (n) => msg(str`${n} väntar`, { id: 'console.chat.nav-waiting' }) },
    render: ([id], user) =>
      !id
        ? html`<medverka-console-chat-inbox .user=${user}></medverka-console-chat-inbox>`
        : id === cannedAnswersPath
          ? html`<medverka-console-chat-answers></medverka-console-chat-answers>`
          : html`<medverka-console-chat-conversation conversation-id=${id} .user=${user}></medverka-console-chat-conversation>`,
  },
  {
    // Administration, after the daily work.
    path: 'tiles',
    label: () => msg('Rutor', { id: 'console.nav.tiles' }),
    roles: ['admin'],
    render: ([slug]) =>
      slug ? html`<medverka-console-tile-set slug=${slug}></medverka-console-tile-set>` : html`<medverka-console-tile-sets></medverka-console-tile-sets>`,
  },
  {
    path: 'users',
    label: () => msg('Användare', { id: 'console.nav.users' }),
    roles: ['admin'],
    render: (_, user) => html`<medverka-console-users .currentUser=${user}></medverka-console-users>`,
  },
  {
    path: 'audit',
    label: () => msg('Händelselogg', { id: 'console.nav.audit' }),
    roles: ['admin'],
    render: () => html`<medverka-console-audit></medverka-console-audit>`,
  },
  {
    path: 'embed',
    label: () => msg('Bädda in', { id: 'console.nav.embed' }),
    roles,
    render: () => html`<medverka-console-embed></medverka-console-embed>`,
  },
  {
    path: 'account',
    label: () => msg('Mitt konto', { id: 'console.nav.account' }),
    roles,
    render: (_, user) => html`<medverka-console-account .user=${user}></medverka-console-account>`,
  },
];

/** The screens' elements by tag, defined by define.ts. */
export const screenElements = {
  'medverka-console-tile-sets': MedverkaConsoleTileSets,
  'medverka-console-tile-set': MedverkaConsoleTileSet,
  'medverka-console-users': MedverkaConsoleUsers,
  'medverka-console-audit': MedverkaConsoleAudit,
  'medverka-console-petitions': MedverkaConsolePetitions,
  'medverka-console-petition': MedverkaConsolePetition,
  'medverka-console-budgets': MedverkaConsoleBudgets,
  'medverka-console-budget': MedverkaConsoleBudget,
  'medverka-console-polls': MedverkaConsolePolls,
  'medverka-console-poll': MedverkaConsolePoll,
  'medverka-console-panel': MedverkaConsolePanel,
  'medverka-console-survey': MedverkaConsoleSurvey,
  'medverka-console-chat-inbox': MedverkaConsoleChatInbox,
  'medverka-console-chat-conversation': MedverkaConsoleChatConversation,
  'medverka-console-chat-answers': MedverkaConsoleChatAnswers,
  'medverka-console-embed': MedverkaConsoleEmbed,
  'medverka-console-account': MedverkaConsoleAccount,
} as const;
