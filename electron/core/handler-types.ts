import type { MethodName, ParsedRequestOf, ResponseOf } from '@shared/contract';
import type { CoreContext } from './context';

export type Handler<M extends MethodName> = (ctx: CoreContext, request: ParsedRequestOf<M>) => Promise<ResponseOf<M>>;

/** The handlers for a subset of methods (one feature's file). */
export type HandlersFor<Methods> = { [M in keyof Methods & MethodName]: Handler<M> };
