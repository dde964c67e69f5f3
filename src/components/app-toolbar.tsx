import { useId } from 'react';
import type { Lang } from '../domain/format.ts';
import './app-toolbar.css';

type ThemeChoice = 'system' | 'light' | 'dark';

const TEXT = {
  vi: {
    toolbar: 'Công cụ',
    language: 'Ngôn ngữ',
    theme: 'Giao diện',
    themes: { system: 'Theo hệ thống', light: 'Sáng', dark: 'Tối' } as Record<ThemeChoice, string>,
  },
  en: {
    toolbar: 'Tools',
    language: 'Language',
    theme: 'Theme',
    themes: { system: 'System default', light: 'Light', dark: 'Dark' } as Record<ThemeChoice, string>,
  },
};

export function AppToolbar({
  lang,
  onLang,
  theme,
  onTheme,
  children,
}: {
  lang: Lang;
  onLang: (l: Lang) => void;
  theme: ThemeChoice;
  onTheme: (t: ThemeChoice) => void;
  children?: React.ReactNode;
}) {
  const t = TEXT[lang];
  const id = useId();
  return (
    <nav className="app-toolbar" aria-label={t.toolbar}>
      <fieldset className="app-toolbar__group">
        <legend className="sr-only">{t.language}</legend>
        <button type="button" lang="vi" aria-pressed={lang === 'vi'} onClick={() => onLang('vi')}>
          Tiếng Việt
        </button>
        <button type="button" lang="en" aria-pressed={lang === 'en'} onClick={() => onLang('en')}>
          English
        </button>
      </fieldset>
      <div className="app-toolbar__theme">
        <label htmlFor={`${id}-theme`}>{t.theme}</label>
        <select id={`${id}-theme`} value={theme} onChange={(e) => onTheme(e.target.value as ThemeChoice)}>
          {(['system', 'light', 'dark'] as const).map((k) => (
            <option key={k} value={k}>
              {t.themes[k]}
            </option>
          ))}
        </select>
      </div>
      {children}
    </nav>
  );
}
