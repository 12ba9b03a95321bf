export default function HomePage() {
  return (
    <main style={{ maxWidth: 720, margin: "4rem auto", padding: "0 1.5rem", lineHeight: 1.5 }}>
      <h1>Interventions</h1>
      <p>
        The interventions service of the building-safety compliance product: preventive checks, curative repairs and
        training exercises on your sites, assigned to providers and verified by you.
      </p>
      <p>
        Service status: <a href="/health">/health</a>
      </p>
    </main>
  );
}
