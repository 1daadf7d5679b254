// Records go to the store about a hundred at a time, as Nango recommends.
export const BATCH_SIZE = 100;

export function chunks<T>(items: readonly T[], size: number = BATCH_SIZE): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < items.length; i += size) {
        out.push(items.slice(i, i + size));
    }
    return out;
}
