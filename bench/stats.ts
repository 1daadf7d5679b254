// Small figures helpers: medians over rounds and rounding for the report.

export function median(values: readonly number[]): number {
    if (values.length === 0) return Number.NaN;
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function round(value: number, digits = 0): number {
    const scale = 10 ** digits;
    return Math.round(value * scale) / scale;
}

/** `12345.6` → `12,346`. */
export function grouped(value: number): string {
    return Math.round(value).toLocaleString('en-US');
}
