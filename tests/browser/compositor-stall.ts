/**
 * What a browser test throws when Chromium stops producing frames for a page (decision 0018): the page's
 * scripts and timers still run, but no animation frame comes again, so nothing on it can be drawn. The
 * browser project retries a test that failed with exactly this message once, on fresh pages; any other
 * failure is not retried.
 */
export const COMPOSITOR_STALL = 'Chromium stopped producing frames for this page';

/** The browser project's retry condition: this message and no other. */
export const COMPOSITOR_STALL_PATTERN = /Chromium stopped producing frames for this page/;
