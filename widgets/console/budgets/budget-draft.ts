/**
 * The budget form's model: the process as staff are typing it (amounts as typed, districts
 * and items with keys of their own so that errors and focus follow them when they move), and
 * the conversions to and from the API's shapes.
 *
 * Fields are named by internal paths — 'title.sv', 'd3.total' (the district with key 3),
 * 'i7.max' (the item with key 7) — which are also the keys of the form's errors. The server
 * names items by their position ('items.0.max'); `fieldOfIssue()` translates.
 */
import type { BudgetInput, BudgetMode, BudgetRule, StaffBudget } from '../kit/api.js';
import type { FieldErrors } from '../kit/forms.js';
import { required } from '../kit/forms.js';
import { groupDigits } from '../kit/labels.js';
import { notKronor, parseKronor } from './budget-format.js';

export interface DistrictDraft {
  key: number;
  /** The stored district's id; none for a new one. */
  id?: number;
  nameSv: string;
  nameEn: string;
  total: string;
}

export interface ItemDraft {
  key: number;
  /** The stored line's or project's id; none for a new one. */
  id?: number;
  /** The key of its district, or null: every district (or there are none). */
  district: number | null;
  titleSv: string;
  titleEn: string;
  descriptionSv: string;
  descriptionEn: string;
  imageUrl: string;
  altSv: string;
  altEn: string;
  min: string;
  max: string;
  step: string;
  start: string;
  cost: string;
}

export interface BudgetDraft {
  slug: string;
  titleSv: string;
  titleEn: string;
  descriptionSv: string;
  descriptionEn: string;
  mode: BudgetMode;
  total: string;
  rule: BudgetRule;
  tolerance: string;
  /** As an <input type="datetime-local"> holds it, in local time; empty for none. */
  closesAt: string;
  districts: DistrictDraft[];
  items: ItemDraft[];
}

export const slugPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;

let nextKey = 1;
const newKey = () => nextKey++;

export function newItem(district: number | null = null): ItemDraft {
  return {
    key: newKey(),
    district,
    titleSv: '',
    titleEn: '',
    descriptionSv: '',
    descriptionEn: '',
    imageUrl: '',
    altSv: '',
    altEn: '',
    min: '0',
    max: '',
    step: '',
    start: '0',
    cost: '',
  };
}

export function newDistrict(): DistrictDraft {
  return { key: newKey(), nameSv: '', nameEn: '', total: '' };
}

export function emptyDraft(): BudgetDraft {
  return {
    slug: '',
    titleSv: '',
    titleEn: '',
    descriptionSv: '',
    descriptionEn: '',
    mode: 'sliders',
    total: '',
    rule: 'within',
    tolerance: '0',
    closesAt: '',
    districts: [],
    items: [newItem()],
  };
}

/** An ISO time as <input type="datetime-local"> wants it, in the browser's time zone. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The stored process as a draft to edit. */
export function draftOf(budget: StaffBudget): BudgetDraft {
  const districts = budget.districts.map((d) => ({ key: newKey(), id: d.id, nameSv: d.name.sv, nameEn: d.name.en ?? '', total: groupDigits(d.total) }));
  const keyOfDistrict = new Map(budget.districts.map((d, i) => [d.id, districts[i]!.key]));
  return {
    slug: budget.slug,
    titleSv: budget.title.sv,
    titleEn: budget.title.en ?? '',
    descriptionSv: budget.description.sv,
    descriptionEn: budget.description.en ?? '',
    mode: budget.mode,
    total: groupDigits(budget.total),
    rule: budget.rule,
    tolerance: groupDigits(budget.tolerance),
    closesAt: toLocalInput(budget.closesAt),
    districts,
    items: budget.items.map((i) => ({
      key: newKey(),
      id: i.id,
      district: i.districtId === null ? null : (keyOfDistrict.get(i.districtId) ?? null),
      titleSv: i.title.sv,
      titleEn: i.title.en ?? '',
      descriptionSv: i.description.sv,
      descriptionEn: i.description.en ?? '',
      imageUrl: i.image?.url ?? '',
      altSv: i.image?.alt.sv ?? '',
      altEn: i.image?.alt.en ?? '',
      min: groupDigits(i.min),
      max: groupDigits(i.max),
      step: groupDigits(i.step),
      start: groupDigits(i.start),
      cost: groupDigits(i.cost),
    })),
  };
}

/** The amount fields a draft has in its mode, by internal path, with what was typed. */
function amountFields(draft: BudgetDraft): [path: string, text: string, optional: boolean][] {
  const out: [string, string, boolean][] = [['total', draft.total, false]];
  if (draft.mode === 'sliders' && draft.rule === 'balanced') out.push(['tolerance', draft.tolerance, true]);
  for (const d of draft.districts) out.push([`d${d.key}.total`, d.total, false]);
  for (const i of draft.items) {
    if (draft.mode === 'sliders') {
      out.push([`i${i.key}.min`, i.min, false], [`i${i.key}.max`, i.max, false], [`i${i.key}.step`, i.step, false], [`i${i.key}.start`, i.start, false]);
    } else {
      out.push([`i${i.key}.cost`, i.cost, false]);
    }
  }
  return out;
}

/**
 * What can be told before asking the server: what must be filled in, and amounts that are not
 * whole kronor. Whether the amounts make sense together is the server's to say.
 */
export function checkDraft(draft: BudgetDraft, creating: boolean): FieldErrors {
  const errors: FieldErrors = {};
  if (creating) {
    if (!draft.slug.trim()) errors.slug = required;
    else if (!slugPattern.test(draft.slug.trim())) errors.slug = 'must be 1–64 lower-case';
  }
  if (!draft.titleSv.trim()) errors['title.sv'] = required;
  for (const d of draft.districts) if (!d.nameSv.trim()) errors[`d${d.key}.name.sv`] = required;
  for (const i of draft.items) if (!i.titleSv.trim()) errors[`i${i.key}.title.sv`] = required;
  for (const [path, text, optional] of amountFields(draft)) {
    if (!text.trim()) {
      if (!optional) errors[path] = required;
    } else if (parseKronor(text) === undefined) {
      errors[path] = notKronor;
    }
  }
  return errors;
}

const amount = (text: string, fallback = 0) => (text.trim() ? (parseKronor(text) ?? fallback) : fallback);
const orNull = (text: string) => text.trim() || null;

/** The draft as the API takes it (call checkDraft first: amounts are assumed to parse). */
export function inputOf(draft: BudgetDraft): BudgetInput {
  const sliders = draft.mode === 'sliders';
  const districtIndex = new Map(draft.districts.map((d, i) => [d.key, i]));
  return {
    slug: draft.slug.trim(),
    title: { sv: draft.titleSv.trim(), en: orNull(draft.titleEn) },
    description: { sv: draft.descriptionSv.trim(), en: orNull(draft.descriptionEn) },
    mode: draft.mode,
    total: amount(draft.total),
    // Projects always stay within the total.
    rule: sliders ? draft.rule : 'within',
    // Sent as it is even where it does not apply: an open process must keep its stored value.
    tolerance: amount(draft.tolerance),
    closesAt: draft.closesAt ? new Date(draft.closesAt).toISOString() : null,
    districts: draft.districts.map((d) => ({
      ...(d.id !== undefined ? { id: d.id } : {}),
      name: { sv: d.nameSv.trim(), en: orNull(d.nameEn) },
      total: amount(d.total),
    })),
    items: draft.items.map((i) => ({
      ...(i.id !== undefined ? { id: i.id } : {}),
      district: i.district === null ? null : (districtIndex.get(i.district) ?? null),
      title: { sv: i.titleSv.trim(), en: orNull(i.titleEn) },
      description: { sv: i.descriptionSv.trim(), en: orNull(i.descriptionEn) },
      image: i.imageUrl.trim() ? { url: i.imageUrl.trim(), alt: { sv: i.altSv.trim(), en: orNull(i.altEn) } } : null,
      // The other mode's amounts are kept as they are, for a draft that changes mode back.
      min: amount(i.min),
      max: amount(i.max),
      step: Math.max(1, amount(i.step, 1)),
      start: amount(i.start),
      cost: amount(i.cost),
    })),
  };
}

/** The fields the server may name inside an item or a district, as the form names them. */
const itemFields = new Set([
  'title.sv',
  'title.en',
  'description.sv',
  'description.en',
  'district',
  'image.url',
  'image.alt.sv',
  'image.alt.en',
  'min',
  'max',
  'step',
  'start',
  'cost',
]);
const districtFields = new Set(['name.sv', 'name.en', 'total']);
const topFields = new Set(['slug', 'title.sv', 'title.en', 'description.sv', 'description.en', 'mode', 'total', 'rule', 'tolerance', 'closesAt', 'items']);

/**
 * The form's field for a path in the server's answer ('items.0.max' → 'i7.max'), as sent from
 * `draft`; undefined when no field is to blame.
 */
export function fieldOfIssue(draft: BudgetDraft, path: string): string | undefined {
  if (topFields.has(path)) return path;
  let m = /^items\.(\d+)\.(.+)$/.exec(path);
  if (m) {
    const item = draft.items[Number(m[1])];
    const rest = m[2]!;
    if (item && itemFields.has(rest)) return `i${item.key}.${rest}`;
    if (item && rest === 'image.alt') return `i${item.key}.image.alt.sv`;
    if (item && rest === 'image') return `i${item.key}.image.url`;
    return undefined;
  }
  m = /^districts\.(\d+)\.(.+)$/.exec(path);
  if (m) {
    const district = draft.districts[Number(m[1])];
    if (district && districtFields.has(m[2]!)) return `d${district.key}.${m[2]!}`;
  }
  return undefined;
}

/** A field's element id: 'i7.title.sv' → 'f-i7-title-sv'. */
export const fieldId = (path: string) => `f-${path.replace(/\./g, '-')}`;
