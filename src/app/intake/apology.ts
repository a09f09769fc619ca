/** Said when a message could not be processed after every retry. Italian first, English after. */
export function apologyText(): string {
  return (
    'Ci scusiamo: non siamo riusciti a elaborare il tuo ultimo messaggio. Riprova tra qualche minuto. ' +
    'Per le emergenze chiama il 112.\n' +
    'Sorry: we could not process your last message. Please try again in a few minutes. For emergencies call 112.'
  );
}
