import { render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { describe, expect, it } from 'vitest';
import { useTurn } from './use-turn.ts';

/** Says "drawn" once its turn has come; `top` places it on the page for the ordering. */
function Probe({ name, top }: { name: string; top: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const drawn = useTurn(true, ref);
  return (
    <div
      ref={(el) => {
        ref.current = el;
        if (el) el.getBoundingClientRect = () => ({ top, bottom: top + 100 }) as DOMRect;
      }}
    >
      {drawn ? `${name} drawn` : `${name} waiting`}
    </div>
  );
}

describe('useTurn', () => {
  it('lets one chart draw at a time, the one on screen first', async () => {
    // jsdom's window is 768 px high: "below" starts two screens down, "onScreen" is in view.
    render(
      <>
        <Probe name="below" top={2000} />
        <Probe name="onScreen" top={100} />
        <Probe name="further" top={5000} />
      </>,
    );
    expect(await screen.findByText('onScreen drawn')).toBeInTheDocument();
    // Not all at once, and not in the order of the page: the one on screen went first.
    expect(screen.getByText('below waiting')).toBeInTheDocument();
    expect(screen.getByText('further waiting')).toBeInTheDocument();
    expect(await screen.findByText('below drawn')).toBeInTheDocument();
    expect(await screen.findByText('further drawn')).toBeInTheDocument();
  });
});
