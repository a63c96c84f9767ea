import { UPDATE_CORE, type Middleware } from '@jsonforms/core';

/**
 * JSON Forms sets its data to the `data` prop whenever any prop it watches changes (the errors we
 * show, say); the prop lags behind what the person typed, since onChange reaches the owner 10 ms
 * later. So showing an error the moment focus moves on could undo the keystroke just typed. This
 * middleware keeps the form's own data when the prop is only an answer the form itself reported
 * earlier: a genuinely new value from outside (a draft restored) still replaces it.
 */
export function keepLatestData(reported: WeakSet<object>): Middleware {
  return (state, action, reduce) => {
    if (
      action.type === UPDATE_CORE &&
      action.data !== state.data &&
      action.data !== null &&
      typeof action.data === 'object' &&
      reported.has(action.data as object)
    ) {
      return reduce(state, { ...action, data: state.data });
    }
    return reduce(state, action);
  };
}
