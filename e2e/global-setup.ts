import { createFixtureData } from "./fixture-data";
import { startServer } from "./server";

export default async function globalSetup() {
  const state = await startServer(Number(process.env.E2E_PORT ?? 3210));
  createFixtureData(state.databasePath); // the member tests' small 2017 event (e2e/fixture-data.ts)
}
