/**
 * The custom functions runtime of the simulated Excel host: `window.CustomFunctions` as the shared runtime provides
 * it (associate, Error, ErrorCode), installed before the pane bundle runs, so the real pane registers
 * =PHULUC.BANGCHU … exactly as it does in Excel. Excel calls a registered function with the cell values of its
 * arguments and shows a thrown CustomFunctions.Error as that error value with its message.
 *
 * Test hooks, `window.__phulucFunctions`:
 *   ids()                      the ids associated so far
 *   call(id, ...args)          { value } or { error: { code, message } } — what the cell would show
 */
type Fn = (...args: unknown[]) => unknown;

const ErrorCode = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

class CustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? '');
    this.name = 'CustomFunctions.Error';
  }
}

const registered = new Map<string, Fn>();

const runtime = {
  associate(idOrMap: string | Record<string, Fn>, fn?: Fn): void {
    if (typeof idOrMap === 'string') {
      if (typeof fn !== 'function') throw new TypeError(`CustomFunctions.associate("${idOrMap}") needs a function`);
      registered.set(idOrMap.toUpperCase(), fn);
    } else for (const [id, f] of Object.entries(idOrMap)) registered.set(id.toUpperCase(), f);
  },
  Error: CustomFunctionsError,
  ErrorCode,
};

async function call(id: string, ...args: unknown[]): Promise<{ value: unknown } | { error: { code: string; message: string } }> {
  const fn = registered.get(id.toUpperCase());
  if (!fn) return { error: { code: '#NAME?', message: `no function associated with ${id}` } };
  try {
    return { value: await fn(...args) };
  } catch (e) {
    if (e instanceof CustomFunctionsError) return { error: { code: e.code, message: e.message } };
    // Excel shows any other exception as #VALUE! without a message: the add-in must never let one escape
    return { error: { code: 'uncaught', message: String((e as Error)?.message ?? e) } };
  }
}

const w = window as unknown as Record<string, unknown>;
w.CustomFunctions = runtime;
w.__phulucFunctions = { ids: () => [...registered.keys()], call };
