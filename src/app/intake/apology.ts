/** Said when a message could not be processed after every retry. Italian first, English after (src/texts/citizen channels.*.ts). */
import { promptsFor } from '../../texts/citizen';

export function apologyText(): string {
  return `${promptsFor('it').channels.apology}\n${promptsFor('en').channels.apology}`;
}
