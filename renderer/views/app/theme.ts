// Fluent v9 themes tuned toward the Windows Server 2012 R2 MMC: Segoe UI at 9 pt (12 px), square
// corners, Windows blue. Chrome colours the Fluent components do not draw live in console.css.
import { webDarkTheme, webLightTheme, type Theme as FluentTheme } from '@fluentui/react-components';
import type { Theme } from '../../stores/ui-store';

const font = '"Segoe UI", "Segoe UI Web (West European)", Tahoma, "Liberation Sans", "DejaVu Sans", Arial, sans-serif';

const compact: Partial<FluentTheme> = {
  fontFamilyBase: font,
  fontSizeBase100: '10px',
  fontSizeBase200: '11px',
  fontSizeBase300: '12px',
  fontSizeBase400: '13px',
  fontSizeBase500: '15px',
  fontSizeBase600: '18px',
  lineHeightBase100: '14px',
  lineHeightBase200: '15px',
  lineHeightBase300: '16px',
  lineHeightBase400: '18px',
  lineHeightBase500: '20px',
  lineHeightBase600: '24px',
  borderRadiusSmall: '0px',
  borderRadiusMedium: '2px',
  borderRadiusLarge: '2px',
  borderRadiusXLarge: '3px',
};

export const lightTheme: FluentTheme = {
  ...webLightTheme,
  ...compact,
  colorBrandBackground: '#0067b8',
  colorBrandBackgroundHover: '#005a9e',
  colorBrandBackgroundPressed: '#004e8c',
  colorBrandStroke1: '#0067b8',
  colorCompoundBrandStroke: '#0067b8',
  colorCompoundBrandBackground: '#0067b8',
  colorNeutralForeground2BrandSelected: '#0067b8',
  colorStrokeFocus2: '#000000',
};

export const darkTheme: FluentTheme = {
  ...webDarkTheme,
  ...compact,
  colorNeutralBackground1: '#252526',
  colorNeutralBackground2: '#2b2b2b',
};

export function fluentTheme(theme: Theme): FluentTheme {
  return theme === 'dark' ? darkTheme : lightTheme;
}
