/**
 * The staff console's entry point (built to /widgets/console.js and loaded by /admin):
 * defines the console and its screens' elements.
 */
import type { MedverkaConsoleAccount } from './account.element.js';
import type { MedverkaConsoleAudit } from './audit.element.js';
import type { MedverkaConsoleChatAnswers } from './chat-answers.element.js';
import type { MedverkaConsoleChatConversation } from './chat-conversation.element.js';
import type { MedverkaConsoleChatInbox } from './chat-inbox.element.js';
import { MedverkaConsole } from './console.element.js';
import type { MedverkaConsoleEmbed } from './embed.element.js';
import type { MedverkaConsolePanel } from './panel.element.js';
import type { MedverkaConsolePetition } from './petition.element.js';
import type { MedverkaConsolePetitions } from './petitions.element.js';
import type { MedverkaConsolePoll } from './poll.element.js';
import type { MedverkaConsolePolls } from './polls.element.js';
import { screenElements } from './screens.js';
import { MedverkaConsoleSignIn } from './sign-in.element.js';
import { MedverkaConsoleTileForm } from './tile-form.element.js';
import type { MedverkaConsoleSurvey } from './survey.element.js';
import type { MedverkaConsoleTileSet } from './tile-set.element.js';
import type { MedverkaConsoleTileSets } from './tile-sets.element.js';
import type { MedverkaConsoleUsers } from './users.element.js';
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
