/**
 * The proposal form's fields and their rules: what each holds, what makes one wrong before
 * sending, and what the resident is told about it (made while rendering, so in the element's
 * language).
 */
import { emailPattern } from '../forms/text.js';
import { msg } from '../shared/localize.js';

/** The proposal form's fields, in the order they are shown (and listed in the error summary). */
export const fields = ['title', 'body', 'name', 'email', 'publicDocumentAccepted'] as const;
export type Field = (typeof fields)[number];
/** What is wrong with a field: nothing given, or something the server or we cannot accept. */
/** 'refused': a well-formed address whose e-mail domain the municipality does not accept. */
export type Problem = 'missing' | 'invalid' | 'refused';

export interface Values {
  title: string;
  body: string;
  name: string;
  email: string;
  publicDocumentAccepted: boolean;
}

export const emptyValues: Values = { title: '', body: '', name: '', email: '', publicDocumentAccepted: false };

/** What is wrong with the form before it is sent. */
export function validate(v: Values): Partial<Record<Field, Problem>> {
  const errors: Partial<Record<Field, Problem>> = {};
  const title = v.title.trim();
  const body = v.body.trim();
  if (!title) errors.title = 'missing';
  else if (title.length < 5 || title.length > 150) errors.title = 'invalid';
  if (!body) errors.body = 'missing';
  else if (body.length < 20 || body.length > 5000) errors.body = 'invalid';
  if (!v.name.trim()) errors.name = 'missing';
  if (!v.email.trim()) errors.email = 'missing';
  else if (!emailPattern.test(v.email.trim())) errors.email = 'invalid';
  if (!v.publicDocumentAccepted) errors.publicDocumentAccepted = 'missing';
  return errors;
}

/** What the resident is told about a field's problem. */
export function errorText(field: Field, problem: Problem): string {
  switch (field) {
    case 'title':
      return problem === 'missing'
        ? msg('Skriv en rubrik.', { id: 'petitions.error-title' })
        : msg('Skriv en rubrik på mellan 5 och 150 tecken.', { id: 'petitions.error-title-invalid' });
    case 'body':
      return problem === 'missing'
        ? msg('Skriv vad du föreslår.', { id: 'petitions.error-body' })
        : msg('Skriv förslaget med mellan 20 och 5 000 tecken.', { id: 'petitions.error-body-invalid' });
    case 'name':
      return problem === 'missing' ? msg('Skriv ditt namn.', { id: 'petitions.error-name' }) : msg('Kontrollera ditt namn.', { id: 'petitions.error-name-invalid' });
    case 'email':
      return problem === 'missing'
        ? msg('Skriv din e-postadress.', { id: 'petitions.error-email' })
        : problem === 'refused'
          ? msg('Adresser från den här e-postdomänen tas inte emot. Använd en annan e-postadress.', { id: 'petitions.error-email-refused' })
          : msg('Skriv e-postadressen så här: namn@exempel.se.', { id: 'petitions.error-email-invalid' });
    case 'publicDocumentAccepted':
      return msg('Kryssa i att du har läst att förslaget blir en allmän handling.', { id: 'petitions.error-public' });
  }
}
