// The screens each person can open, in the order the menu shows them.
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
    { screen: 'home', label: 'Home' },
    { screen: 'review', label: 'Get ready for my review' },
    { screen: 'say', label: 'Say something' },
    { screen: 'plan', label: 'My plan' },
    { screen: 'notes', label: 'My notes' },
    { screen: 'shared', label: "What I've shared" },
    { screen: 'privacy', label: 'Sharing and privacy' },
    { screen: 'settings', label: 'Settings' },
  ],
  carer: [
    { screen: 'home', label: 'Home' },
    { screen: 'resources', label: 'Resources' },
    { screen: 'policy', label: 'Our safer-caring policy' },
    { screen: 'learning', label: 'Learning log' },
    { screen: 'privacy', label: 'Sharing and privacy' },
    { screen: 'settings', label: 'Settings' },
  ],
};
