// The screens each person can open, in the order the menu shows them, each with the message
// id of its name in the menu.
import type { Role } from '../lib/api';

export type Screen =
  | 'home'
  | 'review'
  | 'say'
  | 'plan'
  | 'notes'
  | 'shared'
  | 'resources'
  | 'policy'
  | 'learning'
  | 'privacy'
  | 'settings';

export const menus: Record<Role, { screen: Screen; label: string }[]> = {
  young_person: [
    { screen: 'home', label: 'menu-home' },
    { screen: 'review', label: 'menu-review' },
    { screen: 'say', label: 'menu-say' },
    { screen: 'plan', label: 'menu-plan' },
    { screen: 'notes', label: 'menu-notes' },
    { screen: 'shared', label: 'menu-shared' },
    { screen: 'privacy', label: 'menu-privacy' },
    { screen: 'settings', label: 'menu-settings' },
  ],
  carer: [
    { screen: 'home', label: 'menu-home' },
    { screen: 'resources', label: 'menu-resources' },
    { screen: 'policy', label: 'menu-policy' },
    { screen: 'learning', label: 'menu-learning' },
    { screen: 'privacy', label: 'menu-privacy' },
    { screen: 'settings', label: 'menu-settings' },
  ],
  // The worker app has its own window and menu (ui/src/worker); a person's app never opens a
  // worker's profile.
  worker: [],
};
