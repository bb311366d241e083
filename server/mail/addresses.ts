/**
 * One person counts once (a signature, a ballot, a panel membership): the same mailbox
 * however it is spelled. Lower case; a "+tag" in the local part dropped (Gmail, Outlook and
 * most providers deliver those to the same mailbox); for Gmail, dots in the local part
 * dropped too, and googlemail.com is gmail.com.
 */
export function canonicalEmail(email: string): string {
  const trimmed = email.trim().toLowerCase();
  const at = trimmed.lastIndexOf('@');
  if (at < 1) return trimmed;
  let local = trimmed.slice(0, at);
  let domain = trimmed.slice(at + 1);
  local = local.split('+')[0]!;
  if (domain === 'googlemail.com') domain = 'gmail.com';
  if (domain === 'gmail.com') local = local.replace(/\./g, '');
  return `${local}@${domain}`;
}
