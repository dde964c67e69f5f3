import { useCallback, useEffect, useState } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'tthc-theme';

function stored(): ThemeChoice {
  try {
    const v = window.localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    // Storage can be off (private mode, locked-down machines); the system theme is a fine default.
    return 'system';
  }
}

/** Light or dark by choice, or following the system when no choice was made. */
export function useTheme(): [ThemeChoice, (t: ThemeChoice) => void] {
  const [theme, setTheme] = useState<ThemeChoice>(stored);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', theme);
  }, [theme]);
  const choose = useCallback((t: ThemeChoice) => {
    setTheme(t);
    try {
      if (t === 'system') window.localStorage.removeItem(KEY);
      else window.localStorage.setItem(KEY, t);
    } catch {
      // Not remembered; still applied for this visit.
    }
  }, []);
  return [theme, choose];
}
