import { describe, expect, it } from 'vitest';
import { deckViewFromHash, screenFromHash } from './slide-link.ts';

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

describe('the audience screen a presenter window plans its slides for', () => {
  it('is read from screen=WxH in the hash, beside the view, slide and theme of a deck', () => {
    expect(screenFromHash('#screen=1024x768')).toEqual({ width: 1024, height: 768 });
    expect(screenFromHash('#view=presenter&slide=3&screen=1920x1080')).toEqual({ width: 1920, height: 1080 });
  });

  it('is unknown (the window plans for its own size) when absent or malformed', () => {
    for (const hash of [
      '',
      '#slide=2',
      '#screen=1024',
      '#screen=0x768',
      '#screen=1024x768x2',
      '#screen=-1x5',
      '#screen=9x9',
    ]) {
      expect(screenFromHash(hash), hash).toBeNull();
    }
  });
});
