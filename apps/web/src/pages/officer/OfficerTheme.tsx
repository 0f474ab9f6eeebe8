import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';

/**
 * Ant Design's default greys, links, status and tag colours fall short of 4.5:1 on the console's
 * grey background (axe `color-contrast`); these darker tokens meet it (the preset tag colours, which
 * derive from palettes, are darkened in officer.css). Belongs in App.tsx's theme for every page:
 * kept here until the scaffold takes it.
 */
const TOKENS = {
  colorLink: '#1d4ed8',
  colorInfo: '#1d4ed8',
  colorInfoBg: '#eff6ff',
  colorSuccess: '#15803d',
  colorSuccessBg: '#f0fdf4',
  colorSuccessBorder: '#86efac',
  colorWarning: '#b45309',
  colorWarningBg: '#fffbeb',
  colorError: '#c62828',
  colorErrorBg: '#fef2f2',
  colorTextDescription: 'rgba(0, 0, 0, 0.65)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
};

export function OfficerTheme({ children }: { children: ReactNode }) {
  return <ConfigProvider theme={{ token: TOKENS }}>{children}</ConfigProvider>;
}
