// An honest empty screen for work that is planned but not built yet: what will be here.
export interface ComingScreenProps {
  title: string;
  purpose: string;
  planned: string[];
}

export function ComingScreen({ title, purpose, planned }: ComingScreenProps) {
  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen-head">
        <h1 id="screen-title">{title}</h1>
      </header>
      <div className="empty-state">
        <p className="lead">{purpose}</p>
        <p>Not built yet. This screen will offer:</p>
        <ul>
          {planned.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </div>
    </section>
  );
}
