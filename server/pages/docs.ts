import type { OpenAPIHono } from '@hono/zod-openapi';
import { Hono } from 'hono';
import { sendPage, type AppEnv } from '../http.js';
import { withMiddlewareAnswers } from '../openapi.js';
import { escapeHtml } from './html.js';

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: unknown }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}

const documentInfo = {
  openapi: '3.1.0',
  info: {
    title: 'Medverka API',
    version: '1',
    description:
      'The API behind the Medverka widgets. Public reads need no authentication; browsers may call it only from the origins the municipality has allowed. Every error has the same JSON shape (see the Error schema).',
  },
};

/**
 * The OpenAPI document, generated from the same zod schemas that validate requests, and a
 * plain docs page rendered from it on the server (no script, so it works under the strict
 * policy and without a network).
 */
export function docsRoutes(api: OpenAPIHono<AppEnv>) {
  const app = new Hono<AppEnv>();
  const document = () => withMiddlewareAnswers(api.getOpenAPI31Document(documentInfo));

  app.get('/api/openapi.json', (c) => c.json(document()));

  app.get('/api/docs', (c) => {
    const doc = document();
    const paths = (doc.paths ?? {}) as Record<string, Record<string, Operation>>;
    const ops = Object.entries(paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
    );
    const schemas = Object.entries((doc.components?.schemas ?? {}) as Record<string, unknown>);
    const json = (value: unknown) => `<pre><code>${escapeHtml(JSON.stringify(value, null, 2))}</code></pre>`;
    const body = ops
      .map(({ path, method, op }) => {
        const params = (op.parameters ?? [])
          .map((p) => `<li><code>${escapeHtml(p.name)}</code> (${escapeHtml(p.in)}${p.required ? ', required' : ''})${p.description ? ` – ${escapeHtml(p.description)}` : ''}</li>`)
          .join('');
        const responses = Object.entries(op.responses ?? {})
          .map(([status, r]) => `<li><strong>${escapeHtml(status)}</strong> ${escapeHtml(r.description ?? '')}</li>`)
          .join('');
        const requestSchema = op.requestBody?.content?.['application/json']?.schema;
        return (
          `<section><h2><code>${method} ${escapeHtml(path)}</code></h2>` +
          (op.summary ? `<p><strong>${escapeHtml(op.summary)}</strong></p>` : '') +
          (op.description ? `<p>${escapeHtml(op.description)}</p>` : '') +
          (params ? `<h3>Parameters</h3><ul>${params}</ul>` : '') +
          (requestSchema ? `<h3>Request body</h3>${json(requestSchema)}` : '') +
          `<h3>Responses</h3><ul>${responses}</ul></section>`
        );
      })
      .join('\n');
    const schemaList = schemas.map(([name, s]) => `<section id="schema-${escapeHtml(name)}"><h3>${escapeHtml(name)}</h3>${json(s)}</section>`).join('\n');
    return sendPage(
      c,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>Medverka API</title><link rel="stylesheet" href="/api/docs.css"></head><body><main>` +
        `<h1>${escapeHtml(documentInfo.info.title)}</h1><p>${escapeHtml(documentInfo.info.description)}</p>` +
        `<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a></p>${body}<h2>Schemas</h2>${schemaList}</main></body></html>`,
    );
  });

  app.get('/api/docs.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    return c.body(
      'body{font-family:system-ui,sans-serif;line-height:1.5;margin:0;color:#1a1a1a}main{max-width:60rem;margin:0 auto;padding:1rem}' +
        'section{border-top:1px solid #ccc;padding:.5rem 0}pre{background:#f5f5f5;padding:.75rem;overflow:auto;font-size:.85rem}code{font-family:ui-monospace,monospace}\n',
    );
  });

  return app;
}
