export type * from './types.js';
export { compileWorkflow, type CompiledWorkflow, type CompiledTask, type CompileOptions } from './compile.js';
export { start, step } from './step.js';
export { engineEventSchemas, type EngineEventType } from './events.js';
export { timerId, parseTimerId } from './tasks.js';
