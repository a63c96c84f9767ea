/** A supervision order's response limit is a timer of its own, beside the SLA timers of tasks. */
const prefix = 'order:';

export const orderTimerId = (orderId: string): string => `${prefix}${orderId}`;
export const isOrderTimer = (timerId: string): boolean => timerId.startsWith(prefix);
export const orderIdOf = (timerId: string): string => timerId.slice(prefix.length);
