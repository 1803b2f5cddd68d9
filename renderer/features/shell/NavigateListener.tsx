import { useEffect } from 'react';
import { onEvent } from '../../ipc/client';
import { useNav } from '../../stores/navigation';

/** A notification click or a menu entry in main asks for a view ('app:navigate'); the renderer goes there. */
export function NavigateListener() {
  const go = useNav((s) => s.go);
  useEffect(() => onEvent('app:navigate', ({ view }) => go(view)), [go]);
  return null;
}
