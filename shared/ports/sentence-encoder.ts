/**
 * A sentence encoder: one fixed-length vector per text, batched and asynchronous. The type lives
 * with the two-stage learner (which is pure and takes it as an argument); adapters implement it.
 */
export type { Encoder } from '../domain/intent/two-stage.ts';
