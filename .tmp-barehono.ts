import { serve } from '@hono/node-server';
import { Hono } from 'hono';
const app = new Hono();
app.get('/bench/bare', (c) => c.json({ ok: true }));
serve({ fetch: app.fetch, port: 45679, hostname: '127.0.0.1' });
