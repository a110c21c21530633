import { startServer } from "./server";

export default async function globalSetup() {
  await startServer(Number(process.env.E2E_PORT ?? 3210));
}
