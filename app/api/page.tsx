import type { Metadata } from "next";
import { apiPaths } from "@/lib/api/openapi";
import { DEMO_EVENT_SLUG } from "@/lib/api/examples";
import { siteUrl } from "@/lib/site-url";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "API för programmet",
  description: "Läs programmet som JSON från en annan webbplats: evenemang, lärpass, talare och organisationer.",
};

/** Public: the read-only JSON API in Swedish, next to its OpenAPI file. */
export default function ApiPage() {
  const base = `${siteUrl()}/api/v1`;
  return (
    <>
      <h1>API för programmet</h1>
      <p className="lead">
        Andra webbplatser, till exempel regionernas egna sidor, kan läsa programmet som JSON. API:t visar samma sak som de publika sidorna,
        inget annat: inga e-postadresser, inga anmälningar, inga utkast och inga opublicerade evenemang.
      </p>

      <h2>Så fungerar det</h2>
      <ul>
        <li>
          Adressen börjar med <code>{base}</code>. Versionen står i adressen: ändras formatet så att gamla klienter skulle gå sönder blir det{" "}
          <code>/api/v2/</code>, och <code>v1</code> finns kvar.
        </li>
        <li>Bara GET (läsa). Ingen inloggning, ingen nyckel.</li>
        <li>
          CORS är öppet (<code>Access-Control-Allow-Origin: *</code>), så en sida på en annan webbplats kan hämta direkt från webbläsaren.
        </li>
        <li>
          Varje svar har <code>ETag</code> och <code>Last-Modified</code>. Skicka dem tillbaka i <code>If-None-Match</code> eller{" "}
          <code>If-Modified-Since</code> så blir svaret <code>304 Not Modified</code> utan innehåll när inget ändrats.
        </li>
        <li>Tider är ISO 8601 med svensk tids förskjutning, t.ex. <code>2018-03-15T09:00:00+01:00</code>. Sammanfattningar och presentationer är Markdown.</li>
        <li>
          Ett inställt lärpass finns kvar med <code>&quot;status&quot;: &quot;cancelled&quot;</code>. Det som inte finns, eller inte är
          publicerat, svarar <code>404</code> med <code>{"{"}&quot;error&quot;: &quot;…&quot;{"}"}</code>.
        </li>
      </ul>

      <h2>Adresser</h2>
      <p>
        Hela beskrivningen, med alla fält, finns som OpenAPI 3.1: <a href={`${base}/openapi.json`}>{`${base}/openapi.json`}</a>.
      </p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">API:ts adresser</caption>
          <thead>
            <tr>
              <th scope="col">Adress</th>
              <th scope="col">Vad</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(apiPaths).map(([path, op]) => (
              <tr key={path}>
                <th scope="row">
                  <code>GET {path}</code>
                </th>
                <td>{op.get.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>Filter i programmet</h2>
      <p>
        <code>/evenemang/{"{evenemang}"}/program</code> tar samma filter som programsidan: <code>q</code> (fritext), <code>org</code>{" "}
        (organisationens slug), <code>kind</code> (<code>region</code>, <code>agency</code>, <code>university</code>, <code>company</code>,{" "}
        <code>other</code>), <code>track</code> (spårets namn) och <code>slot</code> (tidens id från evenemanget). Ett felaktigt filter
        ignoreras, som på sidan. Exempel:{" "}
        <a href={`${base}/evenemang/${DEMO_EVENT_SLUG}/program?q=tillväxt`}>{`/evenemang/${DEMO_EVENT_SLUG}/program?q=tillväxt`}</a>.
      </p>

      <h2>Andra format</h2>
      <p>
        Varje evenemang har också schedule.xml och schedule.json för konferensappar, kalenderfiler att prenumerera på och ändringarna som RSS
        och Atom. De står på evenemangets sida <em>Utskrift och export</em>.
      </p>
    </>
  );
}
