function escape(text: string): string {
    return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The sign-on form of the emulated authorize endpoint: the request's parameters ride along hidden. */
export function signOnPage(action: string, parameters: URLSearchParams, error?: string): string {
    const hidden = [...parameters]
        .filter(([name]) => name !== 'username' && name !== 'password' && name !== 'action')
        .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`)
        .join('\n      ');
    return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Sign On - PingOne emulator</title>
  <style>
    body { font-family: system-ui, sans-serif; background: #f4f5f7; display: grid; place-items: center; min-height: 100vh; margin: 0; }
    form { background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 2px 8px rgba(0,0,0,.1); width: 20rem; }
    h1 { font-size: 1.25rem; margin-top: 0; }
    label { display: block; margin: .75rem 0 .25rem; }
    input[type=text], input[type=password] { width: 100%; padding: .5rem; box-sizing: border-box; }
    .buttons { display: flex; gap: .5rem; margin-top: 1.25rem; }
    .error { color: #b00020; }
  </style>
</head>
<body>
  <main>
    <form method="post" action="${escape(action)}">
      <h1>Sign On</h1>
      <p>PingOne emulator: sign on to allow the application access.</p>
      ${error ? `<p class="error" role="alert">${escape(error)}</p>` : ''}
      ${hidden}
      <label for="username">Username</label>
      <input id="username" name="username" type="text" autocomplete="username" required autofocus>
      <label for="password">Password</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required>
      <div class="buttons">
        <button type="submit" name="action" value="signOn">Sign On</button>
        <button type="submit" name="action" value="cancel" formnovalidate>Cancel</button>
      </div>
    </form>
  </main>
</body>
</html>
`;
}

export function errorPage(message: string): string {
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Error - PingOne emulator</title></head>
<body><main><h1>The request could not be completed</h1><p role="alert">${escape(message)}</p></main></body></html>
`;
}
