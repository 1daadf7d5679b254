// The frame of every HTML page the Connect UI serves: the form and the setup guide share the
// stylesheet and send no Referer (the form's address carries the launch token).

/** Text made safe for HTML content and for a double- or single-quoted attribute value. */
export function escapeHtml(value: string): string {
    return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

export interface HtmlDocument {
    /** Plain text; escaped here. */
    title: string;
    /** Markup, already escaped where it carries text. */
    main: string;
    /** Markup for the head, after the title. */
    head?: string;
    /** Markup after <main>: the form's scripts. */
    afterMain?: string;
    mainClass?: string;
}

export function htmlDocument({ title, main, head = '', afterMain = '', mainClass }: HtmlDocument): string {
    return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="referrer" content="no-referrer">
    <title>${escapeHtml(title)}</title>
    <link rel="stylesheet" href="/assets/page.css">${head}
  </head>
  <body>
    <main${mainClass === undefined ? '' : ` class="${mainClass}"`}>
${main}
    </main>${afterMain}
  </body>
</html>
`;
}
