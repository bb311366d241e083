import { randomBytes } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import { z } from 'zod';
import { parseOpeningHours, type OpeningHours } from './chat/hours.js';
import type { Threshold } from './petitions/rules.js';

/**
 * Everything the server reads from its environment, validated once at start so that a
 * mistyped value stops the server with a message naming the variable, instead of
 * failing later in a request.
 */
export interface Config {
  port: number;
  host: string;
  /** The origin (and optional path prefix) residents' browsers reach the server at. */
  publicUrl: URL;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  /** Origins of the municipality's own sites, allowed to call the API and to frame embeds. */
  allowedOrigins: string[];
  /** Proxies whose X-Forwarded-For header is believed when finding a resident's address. */
  trustedProxies: BlockList;
  trustedProxyList: string[];
  smtpUrl: string | undefined;
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
  /** Requests answered at once before more are turned away with 503 and Retry-After. */
  maxConcurrentRequests: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Create the demo tile set on first start. */
  seedDemo: boolean;
  /** Staff sessions end after this long without activity, and at the latest after maxHours. */
  session: { idleMinutes: number; maxHours: number };
  /** The first administrator, created on a start when no staff account exists yet. */
  firstAdmin: { email: string; password: string; name: string } | undefined;
  /** The sender of every mail, e.g. "Exempelby kommun <medverka@kommun.se>". */
  mailFrom: string;
  /** Where mails go when no SMTP_URL is set: one .eml file each, their links logged. */
  outboxDir: string;
  /** Signs proof-of-work challenges; the same on every instance behind a load balancer. */
  altchaHmacKey: string;
  /** The municipality's name, e.g. "Exempelby kommun": on the pages residents reach from mails, and the pabulib export's `unit`. */
  municipalityName: string | undefined;
  /** The municipality's colour on those pages (buttons, links, the top bar), as #rrggbb. */
  brandColor: string;
  petitions: {
    threshold: Threshold;
    openMonths: number;
    anonymiseAfterDays: number;
    /** Where a resident reads petition N, for links in mails: "{id}" is replaced by its number. */
    pageUrl: string;
  };
  /** Proof-of-work difficulty: the largest secret number a challenge may hide. */
  powMaxNumber: number;
  /** When the contact centre answers chats. */
  chatHours: OpeningHours;
  /**
   * Where messages left while the contact centre is closed are mailed; when unset, to every
   * active administrator and chat agent.
   */
  chatCaseEmail: string | undefined;
  /** The public record's address for a case, e.g. https://diarium.kommun.se/arende?dnr={case}: "{case}" is replaced by the case number. */
  diariumUrl: string | undefined;
  /** The municipality's address for questions about its open data (the register's contact point); MAIL_FROM's address when unset. */
  contactEmail: string | undefined;
  /** Which residents' e-mail domains may sign, propose and vote. */
  emailDomains: { allowed: string[]; blocked: string[]; blockDisposable: boolean };
  /** The citizen panel: what members may say about themselves, and the smallest group shown in figures. */
  panel: { ageBands: string[]; districts: string[]; minGroup: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const origin = z.string().superRefine((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a URL; write it like https://www.kommun.se` });
    return;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    ctx.addIssue({ code: 'custom', message: `"${value}" must start with https:// or http://` });
  } else if (url.origin !== value.replace(/\/$/, '')) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" must be an origin only (scheme, host and port, no path), e.g. ${url.origin}`,
    });
  }
});

const proxy = z.string().superRefine((value, ctx) => {
  const [address, bits, ...rest] = value.split('/');
  const family = isIP(address ?? '');
  const maxBits = family === 6 ? 128 : 32;
  const prefixOk =
    bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) >= 0 && Number(bits) <= maxBits);
  if (!family || !prefixOk || rest.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not an IP address or CIDR range (e.g. 10.0.0.5 or 10.0.0.0/8)`,
    });
  }
});

/** A comma-separated list of e-mail domains, e.g. "kommun.se, skola.kommun.se". */
const domainList = z
  .string()
  .default('')
  .transform((v) => v.split(',').map((d) => d.trim().toLowerCase()).filter(Boolean))
  .superRefine((list, ctx) => {
    for (const d of list) {
      if (!/^(?!-)[a-z0-9-]{1,63}(\.(?!-)[a-z0-9-]{1,63})+$/.test(d)) ctx.addIssue({ code: 'custom', message: `"${d}" is not a domain such as kommun.se` });
    }
  });

const schema = z.object({
  PORT: z.coerce
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z
    .string()
    .refine((v) => URL.canParse(v) && /^https?:\/\//.test(v), 'must be a full URL such as https://dialog.kommun.se')
    .optional(),
  DATABASE_URL: z
    .string()
    .default('data/medverka.sqlite')
    .refine(
      (v) => /^postgres(ql)?:\/\//.test(v) || !/^[a-z][a-z0-9+.-]*:\/\//i.test(v),
      'must be a postgres:// URL or a path to an SQLite file (e.g. data/medverka.sqlite)',
    ),
  ALLOWED_ORIGINS: z.string().optional().transform(list).pipe(z.array(origin)),
  TRUSTED_PROXIES: z.string().optional().transform(list).pipe(z.array(proxy)),
  SMTP_URL: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || /^smtps?:\/\/[^\s]+$/.test(v), 'must be an smtp:// or smtps:// URL'),
  BODY_LIMIT: z.coerce
    .number({ message: 'must be a number of bytes' })
    .int('must be a whole number of bytes')
    .min(1024, 'must be at least 1024 bytes')
    .max(10 * 1024 * 1024, 'must be at most 10485760 bytes (10 MB)')
    .default(64 * 1024),
  MAX_CONCURRENT_REQUESTS: z.coerce
    .number({ message: 'must be a number of requests' })
    .int('must be a whole number of requests')
    .min(1, 'must be between 1 and 100000')
    .max(100_000, 'must be between 1 and 100000')
    .default(256),
  LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error', 'silent'], { message: 'must be one of debug, info, warn, error, silent' })
    .default('info'),
  SEED_DEMO: z
    .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  SESSION_IDLE_MINUTES: z.coerce
    .number({ message: 'must be a number of minutes' })
    .int('must be a whole number of minutes')
    .min(1, 'must be between 1 and 1440')
    .max(1440, 'must be between 1 and 1440')
    .default(30),
  SESSION_MAX_HOURS: z.coerce
    .number({ message: 'must be a number of hours' })
    .int('must be a whole number of hours')
    .min(1, 'must be between 1 and 168')
    .max(168, 'must be between 1 and 168')
    .default(12),
  ADMIN_EMAIL: z.email({ message: 'must be an e-mail address' }).optional(),
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').max(200).optional(),
  ADMIN_NAME: z.string().max(100).optional(),
  MAIL_FROM: z
    .string()
    .default('Medverka <medverka@localhost>')
    .refine((v) => !/[\r\n]/.test(v) && /<?[^\s<>@]+@[^\s<>@]+>?$/.test(v.trim()), 'must be an address like "Kommunen <medverka@kommun.se>"'),
  OUTBOX_DIR: z.string().default('data/outbox'),
  ALTCHA_HMAC_KEY: z.string().min(32, 'must be at least 32 characters (a long random secret)').optional(),
  PETITION_THRESHOLD: z
    .string()
    .default('500')
    .refine((v) => /^\d{1,7}$/.test(v) || /^\d{1,2}(\.\d+)?%$/.test(v), 'must be a number of signatures (e.g. 500) or a share of the population (e.g. 1%)'),
  MUNICIPALITY_NAME: z
    .string()
    .trim()
    .max(100, 'must be at most 100 characters')
    // eslint-disable-next-line no-control-regex
    .regex(/^[^\x00-\x1f\x7f]*$/, 'must be one line')
    .optional(),
  BRAND_COLOR: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as #005a9c')
    .refine((c) => contrastWithWhite(c) >= 4.5, 'must be dark enough for white text on it (contrast at least 4.5:1)')
    .default('#005a9c'),
  MUNICIPALITY_POPULATION: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').positive('must be positive').optional(),
  POW_MAX_NUMBER: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(100, 'must be between 100 and 10000000')
    .max(10_000_000, 'must be between 100 and 10000000')
    .default(50_000),
  SIGNATURE_RETENTION_DAYS: z.coerce
    .number({ message: 'must be a number of days' })
    .int('must be a whole number of days')
    .min(0, 'must be between 0 and 3650')
    .max(3650, 'must be between 0 and 3650')
    .default(90),
  EMAIL_DOMAINS_ALLOWED: domainList,
  EMAIL_DOMAINS_BLOCKED: domainList,
  BLOCK_DISPOSABLE_EMAIL: z
    .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  CHAT_HOURS: z.string().default('mon-thu 08:00-16:30; fri 08:00-15:00'),
  CHAT_TIMEZONE: z.string().default('Europe/Stockholm'),
  CHAT_CASE_EMAIL: z.email({ message: 'must be an e-mail address such as kontaktcenter@kommun.se' }).optional(),
  PETITION_PAGE_URL: z
    .string()
    .optional()
    .refine((v) => v === undefined || (/^https?:\/\/[^\s]+$/.test(v) && v.includes('{id}') && URL.canParse(v.replace('{id}', '1'))), 'must be an http(s) address with {id} where the petition number goes, e.g. https://kommun.se/e-forslag?nr={id}'),
  CONTACT_EMAIL: z.email({ message: 'must be an e-mail address such as kommun@kommun.se' }).optional(),
  DIARIUM_URL: z
    .string()
    .optional()
    .refine((v) => v === undefined || (/^https?:\/\/[^\s]+$/.test(v) && v.includes('{case}') && URL.canParse(v.replace('{case}', '1'))), 'must be an http(s) address with {case} where the case number goes, e.g. https://diarium.kommun.se/arende?dnr={case}'),
  PANEL_AGE_BANDS: z.string().default('16–29,30–49,50–64,65+').transform(list),
  PANEL_DISTRICTS: z.string().default('').transform(list),
  PANEL_MIN_GROUP: z.coerce
    .number({ message: 'must be a number of people' })
    .int('must be a whole number of people')
    .min(1, 'must be between 1 and 100')
    .max(100, 'must be between 1 and 100')
    .default(5),
  PETITION_OPEN_MONTHS: z.coerce
    .number({ message: 'must be a number of months' })
    .int('must be a whole number of months')
    .min(1, 'must be between 1 and 24')
    .max(24, 'must be between 1 and 24')
    .default(6),
});

/** Reads and checks the configuration; throws ConfigError listing every bad value at once. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const input = Object.fromEntries(
    Object.keys(schema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? 'config');
        const got = env[key];
        // URLs may hold passwords; list values are already quoted in their message.
        const quiet = ['DATABASE_URL', 'SMTP_URL', 'ALLOWED_ORIGINS', 'TRUSTED_PROXIES', 'ADMIN_PASSWORD', 'ALTCHA_HMAC_KEY'].includes(key);
        const shown = quiet || got === undefined ? '' : ` (got "${got}")`;
        return `${key}: ${issue.message}${shown}`;
      }),
    );
  }
  const v = parsed.data;
  if (v.PETITION_THRESHOLD.endsWith('%') && !v.MUNICIPALITY_POPULATION) {
    throw new ConfigError(['MUNICIPALITY_POPULATION: needed when PETITION_THRESHOLD is a share of the population']);
  }
  if (Boolean(v.ADMIN_EMAIL) !== Boolean(v.ADMIN_PASSWORD)) {
    throw new ConfigError(['ADMIN_EMAIL and ADMIN_PASSWORD: set both to create the first administrator, or neither']);
  }
  let chatHours: OpeningHours;
  try {
    chatHours = parseOpeningHours(v.CHAT_HOURS, v.CHAT_TIMEZONE);
  } catch (err) {
    throw new ConfigError([`CHAT_HOURS / CHAT_TIMEZONE: ${(err as Error).message}`]);
  }
  const publicUrl = new URL(v.PUBLIC_URL ?? `http://localhost:${v.PORT}`);
  const trustedProxies = new BlockList();
  for (const entry of v.TRUSTED_PROXIES) {
    const [address = '', bits] = entry.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) trustedProxies.addAddress(address, type);
    else trustedProxies.addSubnet(address, Number(bits), type);
  }
  return {
    port: v.PORT,
    host: v.HOST,
    publicUrl,
    database: /^postgres(ql)?:\/\//.test(v.DATABASE_URL)
      ? { kind: 'postgres', url: v.DATABASE_URL }
      : { kind: 'sqlite', file: v.DATABASE_URL.replace(/^sqlite:/, '') },
    allowedOrigins: v.ALLOWED_ORIGINS.map((o) => o.replace(/\/$/, '')),
    trustedProxies,
    trustedProxyList: v.TRUSTED_PROXIES,
    smtpUrl: v.SMTP_URL || undefined,
    bodyLimit: v.BODY_LIMIT,
    maxConcurrentRequests: v.MAX_CONCURRENT_REQUESTS,
    logLevel: v.LOG_LEVEL,
    seedDemo: v.SEED_DEMO,
    session: { idleMinutes: v.SESSION_IDLE_MINUTES, maxHours: v.SESSION_MAX_HOURS },
    firstAdmin:
      v.ADMIN_EMAIL && v.ADMIN_PASSWORD
        ? { email: v.ADMIN_EMAIL, password: v.ADMIN_PASSWORD, name: v.ADMIN_NAME?.trim() ?? '' }
        : undefined,
    mailFrom: v.MAIL_FROM.trim(),
    outboxDir: v.OUTBOX_DIR,
    // One instance can make its own key at start; several must share one, or a challenge
    // issued by one instance would fail on another.
    altchaHmacKey: v.ALTCHA_HMAC_KEY ?? randomBytes(32).toString('base64url'),
    municipalityName: v.MUNICIPALITY_NAME || undefined,
    brandColor: v.BRAND_COLOR.toLowerCase(),
    petitions: {
      threshold: v.PETITION_THRESHOLD.endsWith('%')
        ? { kind: 'share', percent: Number(v.PETITION_THRESHOLD.slice(0, -1)), population: v.MUNICIPALITY_POPULATION! }
        : { kind: 'count', count: Number(v.PETITION_THRESHOLD) },
      openMonths: v.PETITION_OPEN_MONTHS,
      anonymiseAfterDays: v.SIGNATURE_RETENTION_DAYS,
      pageUrl: v.PETITION_PAGE_URL ?? `${publicUrl.href.replace(/\/$/, '')}/e-forslag/{id}`,
    },
    powMaxNumber: v.POW_MAX_NUMBER,
    chatHours,
    chatCaseEmail: v.CHAT_CASE_EMAIL,
    diariumUrl: v.DIARIUM_URL,
    contactEmail: v.CONTACT_EMAIL,
    emailDomains: { allowed: v.EMAIL_DOMAINS_ALLOWED, blocked: v.EMAIL_DOMAINS_BLOCKED, blockDisposable: v.BLOCK_DISPOSABLE_EMAIL },
    panel: {
      // Set but empty means "not asked"; unset means the default bands.
      ageBands: env.PANEL_AGE_BANDS !== undefined && env.PANEL_AGE_BANDS.trim() === '' ? [] : v.PANEL_AGE_BANDS,
      districts: v.PANEL_DISTRICTS,
      minGroup: v.PANEL_MIN_GROUP,
    },
  };
}

/** WCAG's contrast ratio of a #rrggbb colour against white. */
function contrastWithWhite(hex: string): number {
  if (!/^#[0-9a-fA-F]{6}$/.test(hex)) return 0;
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}
