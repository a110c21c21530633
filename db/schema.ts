import { sql } from "drizzle-orm";
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

/**
 * Times are stored as UTC milliseconds (`timestamp_ms`) and shown in the event's
 * time zone; calendar dates (an event's first and last day) are ISO `YYYY-MM-DD` text.
 */
const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);
const updatedAt = () =>
  integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const organisationKinds = ["region", "agency", "university", "company", "other"] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const larpassStatuses = ["draft", "published", "cancelled"] as const;
export type LarpassStatus = (typeof larpassStatuses)[number];

export const events = sqliteTable("events", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  venue: text("venue").notNull().default(""),
  timeZone: text("time_zone").notNull().default("Europe/Stockholm"),
  startsOn: text("starts_on").notNull(),
  endsOn: text("ends_on").notNull(),
  signupOpensAt: integer("signup_opens_at", { mode: "timestamp_ms" }),
  signupClosesAt: integer("signup_closes_at", { mode: "timestamp_ms" }),
  published: integer("published", { mode: "boolean" }).notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const days = sqliteTable(
  "days",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    date: text("date").notNull(),
    name: text("name").notNull().default(""),
  },
  (t) => [uniqueIndex("days_event_date_unique").on(t.eventId, t.date)],
);

export const timeSlots = sqliteTable(
  "time_slots",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    dayId: integer("day_id")
      .notNull()
      .references(() => days.id, { onDelete: "cascade" }),
    startsAt: integer("starts_at", { mode: "timestamp_ms" }).notNull(),
    endsAt: integer("ends_at", { mode: "timestamp_ms" }).notNull(),
    label: text("label").notNull().default(""),
  },
  (t) => [index("time_slots_event_idx").on(t.eventId, t.startsAt)],
);

export const rooms = sqliteTable(
  "rooms",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    capacity: integer("capacity").notNull(),
  },
  (t) => [uniqueIndex("rooms_event_name_unique").on(t.eventId, t.name)],
);

/** Organisations and speakers outlive a single event: the same region comes back every year. */
export const organisations = sqliteTable("organisations", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull().unique(),
  kind: text("kind", { enum: organisationKinds }).notNull().default("other"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const speakers = sqliteTable(
  "speakers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    role: text("role"),
    organisationId: integer("organisation_id").references(() => organisations.id, {
      onDelete: "set null",
    }),
    bio: text("bio").notNull().default(""),
    /** Private: never rendered on public pages. */
    email: text("email"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("speakers_name_idx").on(t.name), index("speakers_org_idx").on(t.organisationId)],
);

export const larpass = sqliteTable(
  "larpass",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    /** Markdown; rendered sanitised. */
    abstract: text("abstract").notNull().default(""),
    status: text("status", { enum: larpassStatuses }).notNull().default("draft"),
    timeSlotId: integer("time_slot_id").references(() => timeSlots.id, { onDelete: "set null" }),
    roomId: integer("room_id").references(() => rooms.id, { onDelete: "set null" }),
    /** Null means "the room's capacity". */
    capacity: integer("capacity"),
    track: text("track"),
    language: text("language").notNull().default("sv"),
    /** Position in the published list; keeps the organisers' order within a slot. */
    sortOrder: integer("sort_order").notNull().default(0),
    /** Optimistic concurrency: every save bumps it, a save from a stale form is refused. */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("larpass_event_slug_unique").on(t.eventId, t.slug),
    index("larpass_event_idx").on(t.eventId, t.status),
    index("larpass_slot_idx").on(t.timeSlotId),
  ],
);

export const larpassSpeakers = sqliteTable(
  "larpass_speakers",
  {
    larpassId: integer("larpass_id")
      .notNull()
      .references(() => larpass.id, { onDelete: "cascade" }),
    speakerId: integer("speaker_id")
      .notNull()
      .references(() => speakers.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.larpassId, t.speakerId] }),
    index("larpass_speakers_speaker_idx").on(t.speakerId),
  ],
);

export type Event = typeof events.$inferSelect;
export type Day = typeof days.$inferSelect;
export type TimeSlot = typeof timeSlots.$inferSelect;
export type Room = typeof rooms.$inferSelect;
export type Organisation = typeof organisations.$inferSelect;
export type Speaker = typeof speakers.$inferSelect;
export type Larpass = typeof larpass.$inferSelect;
