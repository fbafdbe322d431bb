/** A named scenario the lab offers, with its title and one line in both languages. */
import type { Scenario } from './types';

export interface Preset {
  id: string;
  title: { en: string; zh: string };
  line: { en: string; zh: string };
  /** Which of the three founding articles (../shared/seeds) it is faithful to, if any. */
  article?: 1 | 2 | 3;
  scenario: Scenario;
}
