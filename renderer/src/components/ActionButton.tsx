import type { ComponentProps } from 'react';
import type { MethodName } from '@shared/contract';
import { usePermissions } from '../state/person';

/**
 * A button that leads to a change (the contract method it will call): disabled, with the role it
 * needs as its title, for someone whose roles may not make that change.
 */
export function ActionButton({ method, disabled, title, ...rest }: { method: MethodName } & ComponentProps<'button'>) {
  const { why } = usePermissions();
  const refused = why(method);
  return <button type="button" {...rest} disabled={Boolean(refused) || disabled} title={refused ?? title} />;
}
