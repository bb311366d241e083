/**
 * Fetched only when a widget's request got no answer at all. A browser does not tell a page
 * why a cross-origin request failed, so this asks the server (GET /api/origin answers every
 * page) whether this page's origin may call it, and if not says in the console which setting
 * to change: once per page, however many widgets failed. Kept out of the widgets' shared
 * chunk: most pages never need it.
 */
let asked: Promise<void> | undefined;

export default (base: string) =>
  (asked ??= fetch(new URL('api/origin', base), { credentials: 'omit' })
    .then((r) => r.json())
    .then(({ allowed, origin, setting }: { allowed: boolean; origin: string | null; setting: string }) => {
      if (!allowed) {
        console.error(
          `Medverka: ${new URL(base).origin} does not let this page (origin ${origin}) use it, so its widgets cannot load their content. ` +
            `Ask whoever runs the Medverka server to add ${origin} to ${setting} in its settings.`,
        );
      }
    })
    // Offline, or an older server without /api/origin: nothing more to say.
    .catch(() => undefined));
