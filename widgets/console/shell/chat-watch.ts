import type { ReactiveControllerHost } from 'lit';
import type { StaffConversation } from '../chat/chat-api.js';
import { chatInbox, waitingOf } from '../chat/chat-feed.js';

/**
 * Follows the chat inbox while someone who answers chats is signed in, wherever they are in
 * the console: a conversation that starts waiting is told once (the console says it in its
 * live region: no sound, nothing flashes), and the count shows in the navigation and the
 * page title.
 */
export class ChatWatch {
  /** How many conversations wait for an agent, live; 0 while not following. */
  waiting = 0;
  #unfollow?: () => void;
  /** The waiting conversations already told of; undefined until the inbox's first news. */
  #seen?: Set<number>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly tell: (fresh: StaffConversation[]) => void,
  ) {}

  get following(): boolean {
    return this.#unfollow !== undefined;
  }

  follow(on: boolean): void {
    if (on && !this.#unfollow) {
      this.#unfollow = chatInbox.follow(this.#onInbox);
    } else if (!on && this.#unfollow) {
      this.#unfollow();
      this.#unfollow = undefined;
      this.#seen = undefined;
      this.#count(0);
    }
  }

  #count(n: number) {
    if (n === this.waiting) return;
    this.waiting = n;
    this.host.requestUpdate();
  }

  #onInbox = () => {
    const conversations = chatInbox.conversations;
    if (!conversations) return;
    const waiting = waitingOf(conversations);
    const seen = this.#seen;
    // What already waits when the console opens shows in the count; only what comes after is told.
    const fresh = seen ? waiting.filter((c) => !seen.has(c.id)) : [];
    this.#seen = new Set([...(seen ?? []), ...waiting.map((c) => c.id)]);
    this.#count(waiting.length);
    if (fresh.length) this.tell(fresh);
  };
}
