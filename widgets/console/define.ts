/**
 * The staff console's entry point (built to /widgets/console.js and loaded by /admin):
 * defines the console and its screens' elements.
 */
import type { MedverkaConsoleAccount } from './staff/account.element.js';
import type { MedverkaConsoleAudit } from './staff/audit.element.js';
import type { MedverkaConsoleChatAnswers } from './chat/chat-answers.element.js';
import type { MedverkaConsoleChatConversation } from './chat/chat-conversation.element.js';
import type { MedverkaConsoleChatInbox } from './chat/chat-inbox.element.js';
import { MedverkaConsole } from './shell/console.element.js';
import type { MedverkaConsoleEmbed } from './embed/embed.element.js';
import type { MedverkaConsolePanel } from './panel/panel.element.js';
import type { MedverkaConsolePetition } from './petitions/petition.element.js';
import type { MedverkaConsolePetitions } from './petitions/petitions.element.js';
import type { MedverkaConsolePoll } from './polls/poll.element.js';
import type { MedverkaConsolePolls } from './polls/polls.element.js';
import { screenElements } from './shell/screens.js';
import { MedverkaConsoleSignIn } from './shell/sign-in.element.js';
import { MedverkaConsoleTileForm } from './tiles/tile-form.element.js';
import type { MedverkaConsoleSurvey } from './panel/survey.element.js';
import type { MedverkaConsoleTileSet } from './tiles/tile-set.element.js';
import type { MedverkaConsoleTileSets } from './tiles/tile-sets.element.js';
import type { MedverkaConsoleUsers } from './staff/users.element.js';
// The previews show the real <medverka-tiles> and <medverka-survey> (the console is built apart
// from the widgets, with its own copy, so this changes nothing residents download).
import '../tiles/define.js';
import '../survey/define.js';

const elements: Record<string, CustomElementConstructor> = {
  'medverka-console': MedverkaConsole,
  'medverka-console-sign-in': MedverkaConsoleSignIn,
  'medverka-console-tile-form': MedverkaConsoleTileForm,
  ...screenElements,
};
for (const [tag, element] of Object.entries(elements)) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

declare global {
  interface HTMLElementTagNameMap {
    'medverka-console': MedverkaConsole;
    'medverka-console-sign-in': MedverkaConsoleSignIn;
    'medverka-console-tile-form': MedverkaConsoleTileForm;
    'medverka-console-tile-sets': MedverkaConsoleTileSets;
    'medverka-console-tile-set': MedverkaConsoleTileSet;
    'medverka-console-users': MedverkaConsoleUsers;
    'medverka-console-audit': MedverkaConsoleAudit;
    'medverka-console-petitions': MedverkaConsolePetitions;
    'medverka-console-petition': MedverkaConsolePetition;
    'medverka-console-polls': MedverkaConsolePolls;
    'medverka-console-poll': MedverkaConsolePoll;
    'medverka-console-panel': MedverkaConsolePanel;
    'medverka-console-survey': MedverkaConsoleSurvey;
    'medverka-console-chat-inbox': MedverkaConsoleChatInbox;
    'medverka-console-chat-conversation': MedverkaConsoleChatConversation;
    'medverka-console-chat-answers': MedverkaConsoleChatAnswers;
    'medverka-console-embed': MedverkaConsoleEmbed;
    'medverka-console-account': MedverkaConsoleAccount;
  }
}
