/**
 * A Markdown heading's anchor as GitHub makes it. The Connect UI's guide page gives each heading this
 * id, and the compiler checks every field's doc_section against it, so a help link lands on its section.
 */
export function headingAnchor(heading: string): string {
    return heading
        .toLowerCase()
        .replace(/[`*_]/g, '')
        .replace(/[^\p{L}\p{N} -]/gu, '')
        .replace(/ /g, '-');
}

/** A line that opens or closes a fenced code block (no heading inside one). */
export const fencePattern = /^\s*(```|~~~)/;
/** An ATX heading: its level (the #s) and its text. */
export const headingPattern = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
