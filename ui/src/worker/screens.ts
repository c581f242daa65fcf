// The worker app's screens, in the order its menu shows them, each with the message id of its
// name in the menu.
export type WorkerScreen = 'inbox' | 'duty' | 'people' | 'setup' | 'settings';

export const workerMenu: { screen: WorkerScreen; label: string }[] = [
  { screen: 'inbox', label: 'worker-menu-inbox' },
  // Only for workers on the duty rota (WorkerApp hides it from the rest).
  { screen: 'duty', label: 'worker-menu-duty' },
  { screen: 'people', label: 'worker-menu-people' },
  { screen: 'setup', label: 'worker-menu-setup' },
  { screen: 'settings', label: 'menu-settings' },
];
