// Zod-free so the plan-change forms can list the choices without loading their schema up front.
export const OVERRIDE_ACTIONS = ['complete_stage', 'set_stage_days', 'restart_stage'] as const;
