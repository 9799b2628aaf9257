import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { bearer, signIn, signOut } from './api.ts';
import { messageOf, StatusLine, setStatus } from './components/status.tsx';
import { XAccount } from './components/x-account.tsx';
import { PAGES, useRoute } from './router.ts';

/**
 * The workspace shell: navigation, the status line, the X account, and the page the hash names.
 * It signs in first (one sign-in for every call), then shows the page, then the X account.
 */
function App() {
  const route = useRoute();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    Promise.resolve(bearer()).then(
      () => setReady(true),
      (e) => setStatus(messageOf(e)),
    );
  }, []);
  useEffect(() => setStatus(''), [route.name]);
  const page = PAGES[route.name]!;
  const Page = page.component;
  return (
    <>
      <header>
        <h1>Prospector</h1>
        <nav id="pages" aria-label="pages">
          {Object.entries(PAGES)
            .filter(([, p]) => p.nav)
            .map(([name, p]) => (
              <a key={name} href={`#/${name}`} data-page={name} aria-current={name === route.name}>
                {p.label}
              </a>
            ))}
        </nav>
        {ready && <XAccount />}
        {signIn && (
          <button type="button" id="sign-out" class="link" onClick={signOut}>
            Sign out
          </button>
        )}
      </header>
      <main>
        <StatusLine />
        {ready && (
          <Page key={`${route.name}/${route.rest.join('/')}`} rest={route.rest} params={route.params} />
        )}
      </main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
