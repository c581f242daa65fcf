// One thing at a time, with what went wrong in words: the pattern each form on a screen follows.
// `busy` disables the buttons while it runs; `error` is shown in the screen's alert.
export class Action {
  busy = $state(false);
  error = $state('');

  async run(work: () => Promise<void>) {
    this.error = '';
    this.busy = true;
    try {
      await work();
    } catch (e) {
      this.error = (e as Error).message;
    } finally {
      this.busy = false;
    }
  }
}
