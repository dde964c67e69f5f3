import { describe, expect, it } from 'vitest';
import { deckViewFromHash } from './slide-link.ts';

describe('the view of a deck from its hash', () => {
  it('opens the presenter window on the slide and theme it was opened with', () => {
    expect(deckViewFromHash('#view=presenter&slide=7&theme=dark')).toEqual({
      view: 'presenter',
      slide: 7,
      theme: 'dark',
    });
  });

  it('shows the audience slides from the first, light, when the hash says nothing or nonsense', () => {
    const start = { view: 'present', slide: 1, theme: null };
    expect(deckViewFromHash('')).toEqual(start);
    expect(deckViewFromHash('#view=dashboard&slide=0&theme=blue')).toEqual(start);
    expect(deckViewFromHash('#slide=-3')).toEqual(start);
    expect(deckViewFromHash('#slide=2.5')).toEqual(start);
    expect(deckViewFromHash('#slide=12')).toEqual({ ...start, slide: 12 });
  });
});
