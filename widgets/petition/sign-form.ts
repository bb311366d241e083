/**
 * The signing form's fields and their rules: what each holds, what makes one wrong before
 * sending, and what the resident is told about it (made while rendering, so in the element's
 * language).
 */
import { emailPattern } from '../forms/text.js';
import { msg } from '../shared/localize.js';

/** The form's fields, in the order they are shown (and listed in the error summary). */
export const fields = ['name', 'email', 'connection', 'connectionText'] as const;
export type Field = (typeof fields)[number];
/** What is wrong with a field: nothing given, or something the server or we cannot accept. */
/** 'refused': a well-formed address whose e-mail domain the municipality does not accept. */
export type Problem = 'missing' | 'invalid' | 'refused';

export interface Values {
  name: string;
  email: string;
  connection: '' | 'resident' | 'other';
  connectionText: string;
  showName: boolean;
  hearBack: boolean;
}

/** What is wrong with the form before it is sent. */
export function validate(v: Values): Partial<Record<Field, Problem>> {
  const errors: Partial<Record<Field, Problem>> = {};
  if (!v.name.trim()) errors.name = 'missing';
  if (!v.email.trim()) errors.email = 'missing';
  else if (!emailPattern.test(v.email.trim())) errors.email = 'invalid';
  if (!v.connection) errors.connection = 'missing';
  if (v.connection === 'other' && !v.connectionText.trim()) errors.connectionText = 'missing';
  return errors;
}

/** What the resident is told about a field's problem. */
export function errorText(field: Field, problem: Problem): string {
  switch (field) {
    case 'name':
      return problem === 'missing' ? msg('Skriv ditt namn.', { id: 'petition.error-name' }) : msg('Kontrollera ditt namn.', { id: 'petition.error-name-invalid' });
    case 'email':
      return problem === 'missing'
        ? msg('Skriv din e-postadress.', { id: 'petition.error-email' })
        : problem === 'refused'
          ? msg('Adresser från den här e-postdomänen tas inte emot. Använd en annan e-postadress.', { id: 'petition.error-email-refused' })
          : msg('Skriv e-postadressen så här: namn@exempel.se.', { id: 'petition.error-email-invalid' });
    case 'connection':
      return msg('Välj om du bor i kommunen eller har en annan koppling.', { id: 'petition.error-connection' });
    case 'connectionText':
      return problem === 'missing'
        ? msg('Skriv vilken koppling du har till kommunen.', { id: 'petition.error-connection-text' })
        : msg('Beskriv din koppling kortare, högst 200 tecken.', { id: 'petition.error-connection-text-invalid' });
  }
}
