import { seededRandom } from '../random.js';
import { checkFaultSettings, type FaultSettings } from './fault-settings.js';

/** What the dice decided for one request. */
export interface FaultDecision {
    delayMs: number;
    drop: boolean;
    errorStatus?: number;
    malformed: boolean;
    /** A 2xx JSON answer becomes `{}`. */
    emptyObject: boolean;
    /** A 2xx JSON answer becomes a 200 HTML page. */
    html: boolean;
    expireToken: boolean;
    /** Carry the request out, then destroy the connection instead of answering. */
    cutAfterAct: boolean;
}

const none: FaultDecision = { delayMs: 0, drop: false, malformed: false, emptyObject: false, html: false, expireToken: false, cutAfterAct: false };

/**
 * Rolls the configured faults for each request. The rolls come from one seeded sequence in a fixed
 * order, so the same seed and the same request order give the same faults.
 */
export class FaultDice {
    private settings: FaultSettings = {};
    private random: () => number = Math.random;

    constructor(
        private readonly defaultSeed: string,
        settings: FaultSettings,
    ) {
        this.configure(settings);
    }

    configure(settings: FaultSettings): void {
        this.settings = { ...checkFaultSettings(settings) };
        this.random = seededRandom(`${settings.seed ?? this.defaultSeed}:faults`);
    }

    get current(): FaultSettings {
        return { ...this.settings };
    }

    roll(isApi: boolean): FaultDecision {
        const s = this.settings;
        if (!isApi && s.scope === 'api') return none;
        const chance = (share: number | undefined) => share !== undefined && share > 0 && this.random() < share;
        const drop = chance(s.dropRate);
        const errorRoll = chance(s.errorRate);
        const statuses = s.errorStatuses?.length ? s.errorStatuses : [500, 502, 503];
        const errorStatus = errorRoll ? statuses[Math.floor(this.random() * statuses.length)] : undefined;
        return {
            delayMs: (s.latencyMs ?? 0) + (s.latencyJitterMs ? Math.floor(this.random() * s.latencyJitterMs) : 0),
            drop,
            ...(errorStatus === undefined ? {} : { errorStatus }),
            malformed: chance(s.malformedRate),
            expireToken: isApi && chance(s.earlyExpiryRate),
            // Rolled after the older faults, so that adding these leaves a seed's earlier faults where they were.
            emptyObject: chance(s.emptyObjectRate),
            html: chance(s.htmlRate),
            cutAfterAct: chance(s.cutAfterActRate),
        };
    }
}
