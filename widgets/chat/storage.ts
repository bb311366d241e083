/**
 * The resident's conversation, kept in sessionStorage so that it survives a page reload or a
 * move to another page of the same site. It is written only once the resident has sent their
 * first message (before that nothing is stored), and removed when the conversation ends.
 * Shared by the launcher and the panel; it lives in the launcher's chunk.
 */
export interface StoredConversation {
  id: number;
  /** The resident's secret for the conversation. */
  token: string;
  /** The id of the newest message the resident has had in front of them. */
  lastSeen?: number;
  /** Whether the panel was open. */
  open?: boolean;
}

/** One conversation per API origin: two municipalities' chats on one site stay apart. */
const keyOf = (api: string) => `medverka-chat ${new URL(api).origin}`;

/** The stored conversation for this API, if any (and if storage can be read at all). */
export function readConversation(api: string): StoredConversation | undefined {
  try {
    const value = JSON.parse(sessionStorage.getItem(keyOf(api)) ?? 'null') as StoredConversation | null;
    return value && Number.isInteger(value.id) && typeof value.token == 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Stores the conversation, or forgets it (undefined). Storage that is off or full is no error: the chat goes on, it just will not survive a reload. */
export function writeConversation(api: string, value: StoredConversation | undefined): void {
  try {
    if (value) sessionStorage.setItem(keyOf(api), JSON.stringify(value));
    else sessionStorage.removeItem(keyOf(api));
  } catch {
    // See above.
  }
}
