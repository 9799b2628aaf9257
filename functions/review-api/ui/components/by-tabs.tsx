/** The "By: a · b · c" grouping links a report page carries; the current grouping is marked for screen readers. */
export function ByTabs({ page, bys, by }: { page: string; bys: readonly string[]; by: string }) {
  return (
    <p class="tabs">
      By:{' '}
      {bys.map((b, i) => (
        <>
          {i > 0 && ' · '}
          <a href={`#/${page}?by=${b}`} aria-current={b === by}>
            {b}
          </a>
        </>
      ))}
    </p>
  );
}
