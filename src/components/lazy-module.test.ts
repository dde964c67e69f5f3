import { describe, expect, it } from 'vitest';
import { loadOnce } from './lazy-module.ts';

describe('loadOnce', () => {
  it('downloads once however often it is started, and keeps what came', async () => {
    let calls = 0;
    const code = loadOnce(async () => {
      calls += 1;
      return { name: 'charts' };
    });
    expect(code.current()).toBeNull();
    const [a, b] = await Promise.all([code.start(), code.start()]);
    expect(a).toBe(b);
    expect(await code.start()).toBe(a);
    expect(code.current()).toBe(a);
    expect(calls).toBe(1);
  });

  it('tries again after a failed download', async () => {
    let calls = 0;
    const code = loadOnce(async () => {
      calls += 1;
      if (calls === 1) throw new Error('the network dropped');
      return 'charts';
    });
    await expect(code.start()).rejects.toThrow('the network dropped');
    expect(code.current()).toBeNull();
    expect(await code.start()).toBe('charts');
    expect(calls).toBe(2);
  });
});
