import { sql } from "drizzle-orm";
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { changeKinds, larpassStatuses, organisationKinds, registrationStatuses, revisionEntities, roles } from "../lib/domain";

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
  /** After this moment speakers can no longer edit their lärpass or bio (null: no deadline). */
  speakerEditDeadline: integer("speaker_edit_deadline", { mode: "timestamp_ms" }),
  /** Whether speakers may see who signed up for their lärpass (they always see the numbers). */
  speakersSeeParticipants: integer("speakers_see_participants", { mode: "boolean" }).notNull().default(false),
  /** Speakers' edits to a published lärpass wait for an organiser's approval (lib/speakers/review.ts). */
  speakerEditsReviewed: integer("speaker_edits_reviewed", { mode: "boolean" }).notNull().default(false),
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
  /**
   * False for an organisation a member typed in ("annan organisation") until an organiser confirms it;
   * it can be chosen by that member meanwhile, but is not offered to others.
   */
  confirmed: integer("confirmed", { mode: "boolean" }).notNull().default(true),
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
    /** The account that speaks as this speaker (set when an invited address signs in). */
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    /** When an organiser last sent an invitation to `email`; an invitation is what allows linking. */
    invitedAt: integer("invited_at", { mode: "timestamp_ms" }),
    /** Optimistic concurrency for bio/role/organisation edits by the speaker and by organisers. */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("speakers_name_idx").on(t.name),
    index("speakers_org_idx").on(t.organisationId),
    uniqueIndex("speakers_user_unique").on(t.userId),
  ],
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

// Accounts (Auth.js tables, with our own columns on users) ------------------------------------------

export const users = sqliteTable("users", {
  id: text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  name: text("name"),
  email: text("email").unique(),
  emailVerified: integer("emailVerified", { mode: "timestamp_ms" }),
  image: text("image"),
  role: text("role", { enum: roles }).notNull().default("member"),
  /** Secret of the personal calendar feed; replacing it revokes the old URL. */
  calendarToken: text("calendar_token").unique(),
  /** The organisation the member comes from (Reglab's members are organisations): on host lists and demand. */
  organisationId: integer("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
  /** When the member was last asked for name and organisation and chose "Hoppa över" (asked once more later). */
  profileSkippedAt: integer("profile_skipped_at", { mode: "timestamp_ms" }),
  createdAt: createdAt(),
});

export const accounts = sqliteTable(
  "accounts",
  {
    userId: text("userId")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").$type<"email" | "oauth" | "oidc" | "webauthn">().notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("providerAccountId").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const authSessions = sqliteTable(
  "auth_sessions",
  {
    sessionToken: text("sessionToken").primaryKey(),
    userId: text("userId")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expires: integer("expires", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("auth_sessions_user_idx").on(t.userId)],
);

export const verificationTokens = sqliteTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: integer("expires", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

// Sign-up -------------------------------------------------------------------------------------------

export const registrations = sqliteTable(
  "registrations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    larpassId: integer("larpass_id")
      .notNull()
      .references(() => larpass.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The lärpass's slot, copied so the database itself can refuse two seats in one slot. */
    timeSlotId: integer("time_slot_id").references(() => timeSlots.id, { onDelete: "set null" }),
    status: text("status", { enum: registrationStatuses }).notNull(),
    /** Waitlist order: first come, first served (ties broken by id). */
    queuedAt: integer("queued_at", { mode: "timestamp_ms" }).notNull(),
    confirmedAt: integer("confirmed_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("registrations_larpass_user_unique").on(t.larpassId, t.userId),
    uniqueIndex("registrations_one_seat_per_slot")
      .on(t.userId, t.timeSlotId)
      .where(sql`status = 'confirmed'`),
    uniqueIndex("registrations_one_wait_per_slot")
      .on(t.userId, t.timeSlotId)
      .where(sql`status = 'waitlisted'`),
    index("registrations_larpass_status_idx").on(t.larpassId, t.status, t.queuedAt),
    index("registrations_user_idx").on(t.userId),
  ],
);

/** Fixed-window counters shared by every server process (sign-in mails per address and per client). */
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: integer("window_start").notNull(),
  count: integer("count").notNull(),
});

export type User = typeof users.$inferSelect;
export type Registration = typeof registrations.$inferSelect;

// Published changes ("Ändringar") ------------------------------------------------------------------

/** What changed in a published programme, shown on the public "Ändringar" page. */
export const programmeChanges = sqliteTable(
  "programme_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    larpassId: integer("larpass_id").references(() => larpass.id, { onDelete: "set null" }),
    /** The title when the change was made, so the entry reads right even if the lärpass is later deleted. */
    larpassTitle: text("larpass_title").notNull(),
    kind: text("kind", { enum: changeKinds }).notNull(),
    before: text("before"),
    after: text("after"),
    createdAt: createdAt(),
  },
  (t) => [index("programme_changes_event_idx").on(t.eventId, t.createdAt)],
);

export type ProgrammeChange = typeof programmeChanges.$inferSelect;

// Revisions ------------------------------------------------------------------------------------------

/**
 * Every saved change to a lärpass or a speaker: who, when, and the editable fields before and after
 * (JSON snapshots, see lib/revisions.ts). Kept when the account is deleted (author becomes null, the
 * name stays as it was written) and removed with the lärpass or speaker itself.
 */
export const revisions = sqliteTable(
  "revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    entity: text("entity", { enum: revisionEntities }).notNull(),
    larpassId: integer("larpass_id").references(() => larpass.id, { onDelete: "cascade" }),
    speakerId: integer("speaker_id").references(() => speakers.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    /** Shown in the history: the author's e-mail or name at the time, or "Import". */
    authorLabel: text("author_label").notNull(),
    authorRole: text("author_role", { enum: [...roles, "system"] }).notNull(),
    /** The entity's version after this change (lärpass.version / speakers.version). */
    version: integer("version").notNull(),
    before: text("before", { mode: "json" }).$type<Record<string, unknown> | null>(),
    after: text("after", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    /** Set when the change restored an earlier revision. */
    restoredFrom: integer("restored_from"),
    createdAt: createdAt(),
  },
  (t) => [
    index("revisions_larpass_idx").on(t.larpassId, t.id),
    index("revisions_speaker_idx").on(t.speakerId, t.id),
  ],
);

export type Revision = typeof revisions.$inferSelect;

export const speakerEditStatuses = ["pending", "approved", "returned"] as const;

/**
 * A speaker's edit of a published lärpass's abstract that waits for an organiser (when the event says so).
 * The public page keeps the approved abstract until the row is approved; at most one pending row per
 * lärpass (a new save replaces the proposal). Decided rows stay as the record of what was decided.
 */
export const speakerEdits = sqliteTable(
  "speaker_edits",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    larpassId: integer("larpass_id")
      .notNull()
      .references(() => larpass.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    /** The speaker's e-mail or name when they saved (kept when the account is deleted). */
    authorLabel: text("author_label").notNull(),
    abstract: text("abstract").notNull(),
    status: text("status", { enum: speakerEditStatuses }).notNull().default("pending"),
    /** The organiser's message when the edit was sent back. */
    message: text("message"),
    decidedBy: text("decided_by"),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("speaker_edits_one_pending").on(t.larpassId).where(sql`${t.status} = 'pending'`),
    index("speaker_edits_status_idx").on(t.status, t.id),
  ],
);
export type SpeakerEdit = typeof speakerEdits.$inferSelect;

// Mail ----------------------------------------------------------------------------------------------------

export const mailStatuses = ["pending", "sending", "sent", "failed"] as const;

/** The durable mail queue (lib/mail-queue.ts): every mail the app sends is a row here first. */
export const mailQueue = sqliteTable(
  "mail_queue",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    status: text("status", { enum: mailStatuses }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    /** When a worker took it for sending; a stale claim is a send cut off by a crash. */
    claimedAt: integer("claimed_at", { mode: "timestamp_ms" }),
    lastError: text("last_error"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("mail_queue_due").on(t.status, t.nextAttemptAt)],
);
