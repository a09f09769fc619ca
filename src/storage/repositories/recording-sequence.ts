/**
 * The order in which outbound messages were recorded, without a counter document in MongoDB: the
 * time in microseconds-since-epoch units (milliseconds x 1000), strictly increasing in this process.
 *
 * A shared counter cost one more round trip per dialog turn and made every chat's turn write the same
 * document. What the order is for, the messages of one chat, needs no global counter: a chat's turns
 * are serialised by its chat lock, so they are recorded one after another, and replies of one turn
 * take consecutive numbers. (Across machines this relies on clocks agreeing to within the time
 * between two turns of a chat, which NTP gives.) Values stay below 2^53.
 */
export function createRecordingSequence(clock: () => number = Date.now): (count: number) => number {
  let last = 0;
  return (count) => {
    const first = Math.max(last + 1, clock() * 1000);
    last = first + count - 1;
    return first;
  };
}
