import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu. Reload and the developer tools are for development only: a packaged app
 * has neither (a reload drops unsaved forms; the developer tools would reach the renderer's data).
 */
export function menuTemplate(options: { packaged: boolean; platform: NodeJS.Platform }): MenuItemConstructorOptions[] {
  const development: MenuItemConstructorOptions[] = options.packaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }];
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [...development, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
  };
  return [...(options.platform === 'darwin' ? [{ role: 'appMenu' } as const] : []), { role: 'fileMenu' }, { role: 'editMenu' }, view, { role: 'windowMenu' }];
}
