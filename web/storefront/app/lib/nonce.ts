import { createContext, useContext } from 'react';

/**
 * This response's CSP nonce while the server renders a page that hydrates (entry.server.tsx); in
 * the browser, and on plain pages, there is none. React Router's <Scripts>/<ScrollRestoration>
 * take it for their inline scripts.
 */
export const NonceContext = createContext<string | undefined>(undefined);

export const useNonce = (): string | undefined => useContext(NonceContext);
