// The demo data (scripts/seed.ts): a new user finds an open call on the 2018 event with two proposals, one
// already reviewed by the demo organiser, visible in the organisers' list.
import { eq } from "drizzle-orm";
import { beforeAll, expect, test } from "vitest";
import { db } from "@/db";
import { events, users } from "@/db/schema";
import { DEMO_EVENT_SLUG, DEMO_ORGANISER_EMAIL, seedDemo } from "@/scripts/seed";
import { callWindow, getCallBySlug, listOpenCalls } from "./call";
import { listEventProposals } from "./review";

beforeAll(() => {
  seedDemo(db);
});

test("the 2018 event has an open call with two proposals in the organisers' list", () => {
  const found = getCallBySlug({ slug: DEMO_EVENT_SLUG })!;
  expect(callWindow(found.call).state).toBe("open");
  expect(listOpenCalls().map((c) => c.slug)).toContain(DEMO_EVENT_SLUG);
  const organiser = db.select().from(users).where(eq(users.email, DEMO_ORGANISER_EMAIL)).get()!;
  const event = db.select().from(events).where(eq(events.slug, DEMO_EVENT_SLUG)).get()!;
  const { rows, counts } = listEventProposals({ eventId: event.id, viewer: organiser });
  expect(rows.map((r) => [r.title, r.state])).toEqual([
    ["Smart specialisering i glesa regioner", "submitted"],
    ["Uppföljning som lärande", "in_review"],
  ]);
  expect(counts.total).toBe(2);
  // The organiser has scored the second one, so its scores show; the first has none yet.
  expect(rows[1].stats).toEqual({ average: 3.5, spread: 0, count: 1 });
});
