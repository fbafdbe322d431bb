/** Placeholder page; the live lab replaces it. */
export function App() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: '40rem', margin: '3rem auto', padding: '0 1rem' }}>
      <h1>Queue Lab</h1>
      <p>
        Watch Python <code>asyncio.Queue</code> producers and consumers at work: a step-by-step simulation whose engine
        is checked against real <code>python3</code>.
      </p>
      <p data-testid="status">The live lab is on its way.</p>
    </main>
  );
}
