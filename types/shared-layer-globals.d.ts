// The globals engine/common/ may use besides ECMAScript's: ones that both of its hosts (Node and
// the page) provide alike. Only tsconfig.common.json includes this file; the engine, doors and
// renderer programs get the same names from Node's or the DOM's own types.
interface Console {
  error(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  log(...data: unknown[]): void;
}
declare const console: Console;
