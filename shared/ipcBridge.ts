// The bridge's global name, apart from the zod contract so the renderer bundle does not
// carry a validator it never runs (validation happens in main).
export const BRIDGE_GLOBAL = 'workbench';
