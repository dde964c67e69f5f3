import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// What a page shows after a fetch or a lazily loaded module may take longer than a second on a
// loaded machine; findBy* waits up to 5 s (it returns as soon as the element is there).
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
});
