import { sql } from "drizzle-orm";
import {
  type AnySQLiteColumn,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import {
  answerSources,
  changeKinds,
  larpassStatuses,
  organisationKinds,
  proposalStates,
  questionKinds,
  questionScopes,
  registrationStatuses,
  revisionEntities,
  roles,
  type DocumentationSection,
} from "../lib/domain";

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
    /** The accepted proposal this lärpass was made from (unique: accepting twice never makes two). */
    proposalId: integer("proposal_id").references((): AnySQLiteColumn => proposals.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("larpass_event_slug_unique").on(t.eventId, t.slug),
    uniqueIndex("larpass_proposal_unique").on(t.proposalId),
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

// Documentation (participants' questions and answers, speakers' sections, the compiled document) ---------


export const docQuestions = sqliteTable(
  "doc_questions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    scope: text("scope", { enum: questionScopes }).notNull().default("event"),
    /** Set when scope is "larpass". */
    larpassId: integer("larpass_id").references(() => larpass.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: questionKinds }).notNull().default("text"),
    prompt: text("prompt").notNull(),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("doc_questions_event_idx").on(t.eventId, t.position)],
);

/** Named, ordered headings the organiser groups one question's answers under. */
export const docThemes = sqliteTable(
  "doc_themes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    questionId: integer("question_id")
      .notNull()
      .references(() => docQuestions.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("doc_themes_question_idx").on(t.questionId, t.position)],
);

/**
 * One answer. `userId` is null for anonymous answers, pasted ones, and after the member deleted their account
 * (answers are then kept without any link to the person: the documentation never shows names anyway).
 */
export const docAnswers = sqliteTable(
  "doc_answers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    questionId: integer("question_id")
      .notNull()
      .references(() => docQuestions.id, { onDelete: "cascade" }),
    /** The lärpass answered about (questions of scope "larpass" and "every-larpass"). */
    larpassId: integer("larpass_id").references(() => larpass.id, { onDelete: "cascade" }),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    /** As shown; a correction by an organiser replaces it, the original stays in the revisions. */
    text: text("text").notNull().default(""),
    rating: integer("rating"),
    hidden: integer("hidden", { mode: "boolean" }).notNull().default(false),
    quote: integer("quote", { mode: "boolean" }).notNull().default(false),
    themeId: integer("theme_id").references(() => docThemes.id, { onDelete: "set null" }),
    source: text("source", { enum: answerSources }).notNull().default("form"),
    createdAt: createdAt(),
  },
  (t) => [
    index("doc_answers_question_idx").on(t.questionId, t.id),
    index("doc_answers_user_idx").on(t.userId),
    index("doc_answers_larpass_idx").on(t.larpassId),
  ],
);

/** One per event, made on first use. */
export const documentations = sqliteTable("documentations", {
  eventId: integer("event_id")
    .primaryKey()
    .references(() => events.id, { onDelete: "cascade" }),
  /** Markdown: "Bakgrund", "Syfte", "Summering". */
  intro: text("intro").notNull().default(""),
  sectionOrder: text("section_order", { mode: "json" })
    .$type<DocumentationSection[]>()
    .notNull()
    .default(sql`'["intro","questions","larpass","ratings"]'`),
  published: integer("published", { mode: "boolean" }).notNull().default(false),
  publishedAt: integer("published_at", { mode: "timestamp_ms" }),
  includeRatings: integer("include_ratings", { mode: "boolean" }).notNull().default(false),
  /** Null: the event's first day at 00:00 (the event's time zone). */
  answersOpenAt: integer("answers_open_at", { mode: "timestamp_ms" }),
  /** Null: 14 days after the event's last day. */
  answersCloseAt: integer("answers_close_at", { mode: "timestamp_ms" }),
  requireSignIn: integer("require_sign_in", { mode: "boolean" }).notNull().default(true),
  updatedAt: updatedAt(),
});

export type GroupOutput = { title: string; points: string[] };
export type SlideLink = { title: string; url: string };

/** A lärpass's section of the documentation, written by its speakers (and organisers). */
export const larpassDocs = sqliteTable("larpass_docs", {
  larpassId: integer("larpass_id")
    .primaryKey()
    .references(() => larpass.id, { onDelete: "cascade" }),
  summary: text("summary").notNull().default(""),
  groups: text("groups", { mode: "json" }).$type<GroupOutput[]>().notNull().default(sql`'[]'`),
  quotes: text("quotes", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
  slides: text("slides", { mode: "json" }).$type<SlideLink[]>().notNull().default(sql`'[]'`),
  version: integer("version").notNull().default(1),
  updatedAt: updatedAt(),
});

/** Files beside the database (ATTACHMENTS_PATH, lib/documentation/attachments.ts); served only once the documentation is published. */
export const docAttachments = sqliteTable(
  "doc_attachments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    larpassId: integer("larpass_id")
      .notNull()
      .references(() => larpass.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    mime: text("mime").notNull(),
    size: integer("size").notNull(),
    storedName: text("stored_name").notNull().unique(),
    createdAt: createdAt(),
  },
  (t) => [index("doc_attachments_larpass_idx").on(t.larpassId)],
);

/**
 * Every change in an event's documentation workspace (questions, moderation, themes, settings, a lärpass's
 * section): who, when, what, before and after, like `revisions` for lärpass and speakers. Kept apart from
 * `revisions` because its subject is the event's workspace, not one lärpass's editable fields.
 */
export const docRevisions = sqliteTable(
  "doc_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    authorLabel: text("author_label").notNull(),
    authorRole: text("author_role", { enum: [...roles, "system"] }).notNull(),
    what: text("what").notNull(),
    before: text("before", { mode: "json" }).$type<Record<string, unknown> | null>(),
    after: text("after", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("doc_revisions_event_idx").on(t.eventId, t.id)],
);

export type DocQuestion = typeof docQuestions.$inferSelect;
export type DocTheme = typeof docThemes.$inferSelect;
export type DocAnswer = typeof docAnswers.$inferSelect;
export type Documentation = typeof documentations.$inferSelect;
export type LarpassDoc = typeof larpassDocs.$inferSelect;
export type DocAttachment = typeof docAttachments.$inferSelect;
export type DocRevision = typeof docRevisions.$inferSelect;
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

// Cache -----------------------------------------------------------------------------------------------------

/**
 * One row (id 1) of counters that triggers (migration 0009) raise on every write, whichever code or process
 * writes: `version` for what the public pages show (events, slots, rooms, lärpass, speakers, organisations,
 * changes), `seats` for registrations. lib/cache/shared.ts keeps the shared programme data while `version`
 * stays the same, and the seat counts while `seats` does.
 */
export const contentVersion = sqliteTable("content_version", {
  id: integer("id").primaryKey(),
  version: integer("version").notNull().default(0),
  seats: integer("seats").notNull().default(0),
});

// Personal calendars ------------------------------------------------------------------------------------

/**
 * A seat a member no longer has (left, released by a move, or the lärpass was cancelled), so that the
 * personal calendar feed sends that lärpass as STATUS:CANCELLED instead of silently dropping it. Written by
 * a trigger on registrations (migration 0010); `releases` counts how often, so that the feed's SEQUENCE
 * keeps growing when a member chooses the lärpass again and leaves once more. No foreign keys: the
 * triggers in the migration remove the rows with the account or the lärpass (a foreign key would make the
 * trigger's insert fail while a cascade deletes the parent).
 */
export const calendarReleases = sqliteTable(
  "calendar_releases",
  {
    userId: text("user_id").notNull(),
    larpassId: integer("larpass_id").notNull(),
    releases: integer("releases").notNull().default(1),
    releasedAt: integer("released_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [primaryKey({ columns: [t.userId, t.larpassId] }), index("calendar_releases_larpass_idx").on(t.larpassId)],
);

// Proposals ("Föreslå ett lärpass", lib/proposals) ------------------------------------------------------------

export type ProposalFormat = { name: string; minutes: number };
export type CoSpeaker = { name: string; organisation: string; email: string };

/** An event's call for proposals: one per event, open between two moments, with the organisers' choices. */
export const proposalCalls = sqliteTable("proposal_calls", {
  eventId: integer("event_id")
    .primaryKey()
    .references(() => events.id, { onDelete: "cascade" }),
  opensAt: integer("opens_at", { mode: "timestamp_ms" }).notNull(),
  closesAt: integer("closes_at", { mode: "timestamp_ms" }).notNull(),
  /** Markdown, written by the organisers. */
  intro: text("intro").notNull().default(""),
  formats: text("formats", { mode: "json" })
    .$type<ProposalFormat[]>()
    .notNull()
    .default(sql`'[{"name":"Lärpass","minutes":45}]'`),
  tracks: text("tracks", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
  languages: text("languages", { mode: "json" }).$type<string[]>().notNull().default(sql`'["sv","en"]'`),
  /** What reviewers score, 1–5 each. */
  criteria: text("criteria", { mode: "json" }).$type<string[]>().notNull().default(sql`'["Relevans för medlemmarna","Genomförande"]'`),
  /** The decision mails' texts ({namn} and {titel} are filled in); the organiser's message goes below. */
  acceptTemplate: text("accept_template").notNull().default(""),
  rejectTemplate: text("reject_template").notNull().default(""),
  changesTemplate: text("changes_template").notNull().default(""),
  updatedAt: updatedAt(),
});

export const proposals = sqliteTable(
  "proposals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    /** The proposer's account (null once the account is deleted). */
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    proposerName: text("proposer_name").notNull(),
    proposerOrganisation: text("proposer_organisation").notNull().default(""),
    title: text("title").notNull(),
    /** Markdown. */
    abstract: text("abstract").notNull().default(""),
    format: text("format").notNull(),
    track: text("track"),
    language: text("language").notNull().default("sv"),
    coSpeakers: text("co_speakers", { mode: "json" }).$type<CoSpeaker[]>().notNull().default(sql`'[]'`),
    /** To the organisers; never on a public page. */
    message: text("message").notNull().default(""),
    state: text("state", { enum: proposalStates }).notNull().default("draft"),
    /** The message that went with the last decision (shown to the proposer). */
    decisionMessage: text("decision_message"),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("proposals_event_idx").on(t.eventId, t.state), index("proposals_user_idx").on(t.userId)],
);

/** Members an organiser lets review one event's proposals. */
export const proposalReviewers = sqliteTable(
  "proposal_reviewers",
  {
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.userId] }), index("proposal_reviewers_user_idx").on(t.userId)],
);

/** One reviewer's scores (criterion -> 1..5) and comment on one proposal. Never shown to the proposer. */
export const proposalReviews = sqliteTable(
  "proposal_reviews",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    reviewerId: text("reviewer_id").references(() => users.id, { onDelete: "set null" }),
    reviewerLabel: text("reviewer_label").notNull(),
    scores: text("scores", { mode: "json" }).$type<Record<string, number>>().notNull(),
    comment: text("comment").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("proposal_reviews_one_per_reviewer").on(t.proposalId, t.reviewerId)],
);

/** Every change to a proposal (edits, submission, reviews, decisions): who, when, what, before and after. */
export const proposalRevisions = sqliteTable(
  "proposal_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    authorLabel: text("author_label").notNull(),
    authorRole: text("author_role", { enum: [...roles, "system"] }).notNull(),
    what: text("what").notNull(),
    before: text("before", { mode: "json" }).$type<Record<string, unknown> | null>(),
    after: text("after", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("proposal_revisions_proposal_idx").on(t.proposalId, t.id)],
);

/**
 * What a proposer typed when the session had expired: kept under the hash of a random token that travels in
 * the sign-in's return address, so the form comes back intact after signing in (no JavaScript, no cookie).
 */
export const proposalDrafts = sqliteTable("proposal_drafts", {
  tokenHash: text("token_hash").primaryKey(),
  eventId: integer("event_id")
    .notNull()
    .references(() => events.id, { onDelete: "cascade" }),
  proposalId: integer("proposal_id").references(() => proposals.id, { onDelete: "cascade" }),
  values: text("values", { mode: "json" }).$type<Record<string, string>>().notNull(),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
});

export type ProposalCall = typeof proposalCalls.$inferSelect;
export type Proposal = typeof proposals.$inferSelect;
export type ProposalReview = typeof proposalReviews.$inferSelect;
export type ProposalRevision = typeof proposalRevisions.$inferSelect;
