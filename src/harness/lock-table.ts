/**
 * Nango's script locks, for one run: a key is held until released, until its TTL passes, or
 * until the run ends (releaseAll), as Nango releases a script's locks when it finishes.
 */
export class LockTable {
    private readonly held = new Map<string, number>();

    tryAcquire(key: string, ttlMs: number, now = Date.now()): boolean {
        const expiresAt = this.held.get(key);
        if (expiresAt !== undefined && expiresAt > now) return false;
        this.held.set(key, now + Math.max(0, ttlMs));
        return true;
    }

    release(key: string): boolean {
        return this.held.delete(key);
    }

    releaseAll(): void {
        this.held.clear();
    }
}
