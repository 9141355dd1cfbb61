/** The words the Reflect screens use for each theme (see PRODUCT.md). */
import type { Theme } from '../api';

export const themeLabels: Record<Theme, string> = {
  emotional: 'Someone to talk to',
  practical: 'Everyday help',
  resilience: 'Getting through',
  body: 'Calm and closeness',
  openness: 'Talking openly',
  quality: 'How it feels',
  digital: 'Online spaces',
};

export const themes = Object.keys(themeLabels) as Theme[];
