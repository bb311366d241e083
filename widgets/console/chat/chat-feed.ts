/**
 * The open conversations, followed live from GET /api/staff/chat/inbox. One stream serves the
 * whole console: the navigation's count, the notification of a new conversation, and the
 * inbox's lists all read it.
 */
import { LiveStream, type StreamState } from '../kit/live-stream.js';
import { chatApi, type StaffConversation } from './chat-api.js';

export class ChatInboxFeed extends EventTarget {
  /** The open conversations (waiting and ongoing) as the server last sent them; undefined before the first. */
  conversations?: StaffConversation[];
  state: StreamState = 'connecting';
  #followers = 0;
  #stream?: LiveStream;

  /** Calls `listener` on every change until the returned function is called. */
  follow(listener: () => void): () => void {
    this.addEventListener('change', listener);
    if (this.#followers++ === 0) {
      this.#stream = new LiveStream(
        chatApi.inboxUrl,
        {
          inbox: (data) => {
            const list = (data as { conversations?: StaffConversation[] }).conversations;
            if (!Array.isArray(list)) return;
            this.conversations = list;
            this.#changed();
          },
        },
        (state) => {
          this.state = state;
          this.#changed();
        },
      );
      this.#stream.start();
    }
    let following = true;
    return () => {
      if (!following) return;
      following = false;
      this.removeEventListener('change', listener);
      if (--this.#followers === 0) {
        this.#stream?.stop();
        this.#stream = undefined;
        this.conversations = undefined;
        this.state = 'connecting';
      }
    };
  }

  #changed() {
    this.dispatchEvent(new Event('change'));
  }
}

export const chatInbox = new ChatInboxFeed();

/** Waiting conversations, the one that has waited longest first. */
export function waitingOf(conversations: readonly StaffConversation[]): StaffConversation[] {
  return conversations.filter((c) => c.status === 'waiting').sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
}

/** Ongoing conversations: the agent's own first, then by when they started. */
export function ongoingOf(conversations: readonly StaffConversation[], myId: number | undefined): StaffConversation[] {
  const mine = (c: StaffConversation) => (c.agent?.id === myId ? 0 : 1);
  return conversations
    .filter((c) => c.status === 'ongoing')
    .sort((a, b) => mine(a) - mine(b) || a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
}
