/**
 * What staff may do: administrators everything; moderators proposals, responses, exports;
 * chat agents the chat inbox. The server checks them; the console offers them.
 */
export const roles = ['admin', 'moderator', 'chat_agent'] as const;
export type Role = (typeof roles)[number];
