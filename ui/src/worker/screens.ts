// The worker app's screens, in the order its menu shows them, each with the message id of its
// name in the menu.
export type WorkerScreen = 'inbox' | 'people' | 'setup' | 'settings';

export const workerMenu: { screen: WorkerScreen; label: string }[] = [
  { screen: 'inbox', label: 'worker-menu-inbox' },
  { screen: 'people', label: 'worker-menu-people' },
  { screen: 'setup', label: 'worker-menu-setup' },
  { screen: 'settings', label: 'menu-settings' },
];
