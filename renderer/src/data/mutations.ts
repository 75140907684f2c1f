import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { ApiError, type ErrorKind, type MethodName, type RequestOf, type ResponseOf } from '@shared/contract';
import { coreMessages } from '../components/forms/validate';
import type { Call } from './client';

export interface Change {
  /**
   * Sends one call to the core. Resolves to its answer, or to undefined when the core refused it
   * (every method answers an object, so undefined always means "not done"; the message is in `error`).
   * What it wrote is read again before it resolves (changes.ts).
   */
  run<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M> | undefined>;
  busy: boolean;
  /** The core's message for the last refusal. */
  error: string | null;
  /** What kind of refusal it was ('conflict': the data changed since it was read), null when none or not the core's. */
  errorKind: ErrorKind | null;
  /** The core's messages by field (path joined with dots), shown beside the fields until the person edits. */
  fieldErrors: Record<string, string>;
  clearFieldErrors(): void;
  /** Forgets the last refusal. */
  reset(): void;
}

/**
 * The one way a screen changes data (or asks something on demand: a preview, a file to download):
 * busy while the core works, its refusal as a message and per field, nothing shown as done until
 * the core confirms.
 */
export function useChange(): Change {
  const mutation = useMutation<unknown, Error, Call>({});
  const [fieldsCleared, setFieldsCleared] = useState(false);
  const { mutateAsync } = mutation;

  async function run<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M> | undefined> {
    setFieldsCleared(false);
    try {
      return (await mutateAsync({ method, request })) as ResponseOf<M>;
    } catch {
      return undefined;
    }
  }

  const refused = mutation.error ? coreMessages(mutation.error) : null;
  return {
    run,
    busy: mutation.isPending,
    error: refused?.message ?? null,
    errorKind: mutation.error instanceof ApiError ? mutation.error.kind : null,
    fieldErrors: refused && !fieldsCleared ? refused.byField : {},
    clearFieldErrors: () => setFieldsCleared(true),
    reset: mutation.reset,
  };
}
