// Part 1 of 2 of every fault plus a kill (chaos.ts), on a world of its own.
import { chaos } from './chaos.js';
import { mirrorSyncsPart } from './store-vs-emulator.js';

chaos(mirrorSyncsPart(1, 2), 'chaos-1');
