export const NOT_HANDLED = Symbol('not handled');
