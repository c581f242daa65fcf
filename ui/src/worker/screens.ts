// The worker app's screens, in the order its menu shows them, each with the message id of its
// name in the menu.
export type WorkerScreen = 'inbox' | 'duty' | 'people' | 'organisation' | 'audit' | 'setup' | 'settings';

export const workerMenu: { screen: WorkerScreen; label: string }[] = [
  { screen: 'inbox', label: 'worker-menu-inbox' },
  // Only for workers on the duty rota (WorkerApp hides it from the rest).
  { screen: 'duty', label: 'worker-menu-duty' },
  { screen: 'people', label: 'worker-menu-people' },
  // Once this laptop is approved (WorkerApp hides it before): devices for everyone, the rest for
  // administrators.
  { screen: 'organisation', label: 'worker-menu-organisation' },
  // Administrators only.
  { screen: 'audit', label: 'worker-menu-audit' },
  { screen: 'setup', label: 'worker-menu-setup' },
  { screen: 'settings', label: 'menu-settings' },
];
