import type { ErrorKind } from '@shared/contract';

/** An error the user should see as it is: it says where and why. */
export class HubdeskError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HubdeskError';
  }
}
