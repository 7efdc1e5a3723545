/**
 * Yielding to the event loop during long bulk work (import, rebuild), so IndexedDB request
 * callbacks run (a transaction commits only after its callbacks ran) and the progress bar paints.
 */

/** A macrotask turn that background-tab timer throttling does not stretch to a second. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof MessageChannel === 'undefined') {
      setTimeout(resolve, 0);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
