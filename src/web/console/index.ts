/** The operations console's web surface: the built single-page app served at /admin. */
export { consoleWebRoutes, DEFAULT_CONSOLE_DIR, type ConsoleWebOptions } from './plugin.js';
