/** The console's bar colour (the theme's primary) and a darker one for the emphasis of a total. */
export const BAR_COLOR = '#1d4ed8';
export const TOTAL_COLOR = '#0f172a';
