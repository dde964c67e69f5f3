import type { DataError } from '../domain/problems.ts';

export type NetworkFailureKind = 'http' | 'timeout' | 'network' | 'cut';

/** The server or the network failed; worth retrying. */
export class NetworkFailure extends Error {
  constructor(
    readonly kind: NetworkFailureKind,
    readonly status?: number,
  ) {
    super(`dataset request failed: ${kind}${status ? ` ${status}` : ''}`);
    this.name = 'NetworkFailure';
  }
}

/** The file arrived but is not a valid dataset; retrying cannot help. */
export class DatasetRefused extends Error {
  constructor(
    readonly errors: DataError[],
    readonly errorCount: number,
  ) {
    super(`dataset refused: ${errorCount} error(s)`);
    this.name = 'DatasetRefused';
  }
}
