/** The staff account the e2e store is started with (ADMIN_EMAIL / ADMIN_PASSWORD). */
export const ADMIN = {
  email: process.env.E2E_ADMIN_EMAIL ?? 'e2e-admin@shopkeeper.local',
  password: process.env.E2E_ADMIN_PASSWORD ?? 'e2e-admin-password-1',
};

/** Debian's Chromium (apt package `chromium`); the e2e project is on only where it exists. */
export const CHROMIUM = '/usr/bin/chromium';
