// Part 1 of 3 of the kills at every step boundary (kill-at-every-step.ts), on a world of its own.
import { killAtEveryStep } from './kill-at-every-step.js';
import { mirrorSyncsPart } from './store-vs-emulator.js';

killAtEveryStep(mirrorSyncsPart(1, 3), 'kill-at-every-step-1');
