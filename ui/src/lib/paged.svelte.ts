// How much of a long list to show at once. A profile can hold thousands of notes or messages;
// drawing them all would make the window slow and use hundreds of megabytes, so a list shows
// its newest page first and more when the person asks.

export const PAGE = 50;

export class Paged {
  shown = $state(PAGE);

  /** The part of `items` (newest first) to draw now. */
  slice<T>(items: T[]): T[] {
    return items.slice(0, this.shown);
  }

  more(): void {
    this.shown += PAGE;
  }
}
