/// <reference lib="webworker" />
import { parseDatasetText } from '../domain/validate.ts';

/**
 * Parses and validates a large dataset off the main thread, so the page keeps
 * answering while a file of tens of megabytes is read. Same function as for
 * small files: only where it runs differs.
 */
self.onmessage = (event: MessageEvent<{ text: string }>) => {
  const result = parseDatasetText(event.data.text);
  (self as unknown as Worker).postMessage(result);
};
