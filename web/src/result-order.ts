/**
 * Which live preview may still be shown. A preview solves in its own worker, so its reply can come
 * after a result the user asked for later (Full resolution, a reference or automatic run): shown,
 * it would replace that result, and the result line with it, by the older preview. Each request
 * takes a ticket; a preview's reply is shown only while its ticket is the newest.
 *
 * @example
 * const order = new ResultOrder();
 * const preview = order.ask(); // strokes changed
 * order.ask(); // Full resolution clicked
 * order.isNewest(preview); // false: the preview's reply is dropped
 */
export class ResultOrder {
  private last = 0;

  /** A ticket for a result asked for now; every earlier ticket is outdated by it. */
  ask(): number {
    this.last += 1;
    return this.last;
  }

  /** Whether nothing was asked for since `ticket` was taken. */
  isNewest(ticket: number): boolean {
    return ticket === this.last;
  }
}
