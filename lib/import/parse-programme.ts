/**
 * Parser for a lärpass list written as plain Swedish text, e.g. the 2018 list:
 *
 *   Lärpass 2018                                   <- heading (first non-blank line)
 *                                                  <- blank line(s)
 *   På årskonferensens andra dag …                 <- intro (one paragraph, one or more lines)
 *
 *   Tillbaka till framtiden                        <- title
 *   Inom satsningen Regional förnyelse …           <- abstract (one or more lines)
 *   Per Erik Andersson, Region Norrbotten och …    <- speaker line (last line of the block)
 *
 * Pure: no I/O, no database, no React. Never throws on string input; everything odd becomes a warning
 * (in Swedish, starting with "Rad N: ").
 */

export type ParsedSpeaker = { name: string; role: string | null; organisation: string | null };
export type ParsedSession = { title: string; abstract: string; speakers: ParsedSpeaker[]; line: number };
export type ParseWarning = { line: number; message: string };
export type ParsedProgramme = { heading: string | null; intro: string; sessions: ParsedSession[]; warnings: ParseWarning[] };

// ---------------------------------------------------------------------------------------------------
// Data tables for classifying the tokens of a speaker line
// ---------------------------------------------------------------------------------------------------

/** Lowercase words that may sit inside a person's name ("Karin von Platen"). */
const NAME_PARTICLES = new Set(["von", "van", "af", "de", "der", "den", "la", "du", "di", "da", "del", "le", "ten", "zu"]);

/** Lowercase words that end a role and introduce its organisation ("projektledare på Region X"). */
const ROLE_CONNECTORS = new Set(["på", "vid", "för", "i", "hos", "inom", "från", "at", "of"]);

/** Words (exact, case-sensitive) that make a token an organisation wherever they occur in it. */
const ORGANISATION_WORDS = new Set([
  // public sector
  "Region", "Regionen", "Regionförbundet", "Landsting", "Landstinget", "Kommun", "Kommunen", "Kommuner",
  "Kommunförbund", "Kommunförbundet", "Länsstyrelse", "Länsstyrelsen", "Myndigheten", "Myndighet",
  "Departementet", "Regeringskansliet", "Riksdagen", "Kommissionen", "Ministerrådet", "Samordningsförbund",
  "Samverkansorgan",
  // academia and research
  "Universitet", "Universitetet", "Högskola", "Högskolan", "Institut", "Institutet", "Akademi", "Akademien",
  "University", "College", "Institute", "School", "Forskning", "Research", "Science",
  // associations, foundations
  "Stiftelsen", "Stiftelse", "Förbundet", "Förening", "Föreningen", "Rådet", "Verket", "Nätverk", "Nätverket",
  "Foundation", "Association", "Council", "Network", "Agency", "Forum", "Arena", "Centrum", "Center", "Centre",
  "Handelskammare", "Handelskammaren", "Näringsliv", "Företagarna",
  // companies
  "AB", "HB", "KB", "Ltd", "Inc", "GmbH", "Oy", "ASA", "Aktiebolag", "Group", "Gruppen", "Consulting", "Konsult",
  "Konsulter", "Partners", "Partner", "Management", "Solutions", "Services", "Systems", "Analys", "Analytics",
  "Future", "Futures", "Development", "Utveckling", "Innovation", "Innovations", "Design", "Media", "Kommunikation",
  "Communication", "Communications", "Capital", "Ventures", "Invest", "Holding", "Lab", "Labs", "Hub",
  // places that only appear in organisation names here
  "Sverige", "Sweden", "Swedish", "Norden", "Nordic", "Europe", "EU", "International",
]);

/** Organisations that are a single name or look like a person's name ("Almi Mitt", "Business Sweden"). */
const KNOWN_ORGANISATIONS = [
  "Nordregio", "Reglab", "SKL", "SKR", "Ramböll", "Sweco", "WSP", "Tyréns", "Almega", "Almi", "Vinnova", "Formas",
  "RISE", "Tillväxtanalys", "Tillväxtverket", "Arbetsförmedlingen", "Försäkringskassan", "Kontigo", "Coompanion",
  "Företagarna", "PwC", "KPMG", "Deloitte", "EY", "LRF", "SCB", "Interreg", "Leader", "Sametinget", "Sida",
  "Business Sweden", "Svenskt Näringsliv", "Oxford Research", "Kairos Future", "Ernst & Young",
  "Sveriges Kommuner och Landsting", "Sveriges Kommuner och Regioner",
];

/** Organisation names containing a separator (" och ", " & ") that must not be split. */
const PROTECTED_PHRASES = KNOWN_ORGANISATIONS.filter((o) => / (och|&|samt) /.test(o));

/** Word endings that mark an organisation ("Tillväxtverket", "ESF-rådet", "Västra Götalandsregionen"). */
const ORGANISATION_SUFFIXES = [
  "regionen", "verket", "rådet", "förbundet", "myndigheten", "styrelsen", "kommun", "kommunen", "universitet",
  "universitetet", "högskola", "högskolan", "institutet", "akademien", "stiftelsen", "förmedlingen", "kassan",
  "centrum", "centret", "bolaget", "fonden", "gruppen", "föreningen", "kammaren", "nämnden", "departementet",
  "kommissionen", "inspektionen", "kollegiet", "byrån", "skolan", "banken", "kansliet",
];

/** "m.fl." / "med flera" ("and others") at the end of a token. */
const OTHERS_RE = /(?:^|[\s,])(?:m\.\s?fl|mfl|med flera)\.?$/i;

/** Prefixes a speaker line may carry ("Talare: …"). */
const SPEAKER_PREFIX_RE = /^(?:talare|talar|medverkande|föreläsare|föreläsning|med|av)\s*:\s*/i;

/** A speaker line longer than this is taken for prose. */
const MAX_SPEAKER_LINE_LENGTH = 200;

// ---------------------------------------------------------------------------------------------------
// Text normalisation
// ---------------------------------------------------------------------------------------------------

/** NFC, control characters and odd spaces (NBSP, thin space, tab …) to a single space, trimmed. */
function normaliseLine(line: string): string {
  return line
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f-\u009f\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeff\ufffe]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const quote = (s: string) => `"${s}"`;

function listNames(names: string[]): string {
  const quoted = names.map(quote);
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} och ${quoted[quoted.length - 1]}`;
}

// ---------------------------------------------------------------------------------------------------
// Speaker line
// ---------------------------------------------------------------------------------------------------

type Token =
  | { kind: "person"; name: string; role: string | null }
  | { kind: "organisation"; organisation: string; role: string | null }
  | { kind: "role"; role: string }
  | { kind: "unknown"; text: string };

const isUpperInitial = (w: string) => /^\p{Lu}/u.test(w);
const isLowerInitial = (w: string) => /^\p{Ll}/u.test(w);
const stripPunct = (w: string) => w.replace(/^[("'“”‘’]+|[)"'“”‘’.,;:]+$/g, "");
/** All-caps word with at least two letters: an acronym (SKL, ESF, RISE, EU). */
const isAcronym = (w: string) => /^[\p{Lu}\d&-]{2,}$/u.test(w) && (w.match(/\p{Lu}/gu) ?? []).length >= 2;
/** A word of a person's name: capitalised, letters with hyphens/apostrophes, or an initial ("P."). */
const isNameWord = (w: string) =>
  !isAcronym(w) && /^\p{Lu}[\p{L}\p{M}'’]*\.?(?:-\p{L}[\p{L}\p{M}'’]*)*$/u.test(w);

function hasOrganisationMarker(token: string, words: string[]): boolean {
  if (/\d|&|@|\//.test(token)) return true;
  if (KNOWN_ORGANISATIONS.some((o) => o === token || (o.includes(" ") && token.includes(o)))) return true;
  for (const raw of words) {
    const w = stripPunct(raw);
    if (!w) continue;
    if (ORGANISATION_WORDS.has(w) || KNOWN_ORGANISATIONS.includes(w) || isAcronym(w)) return true;
    const lower = w.toLocaleLowerCase("sv-SE");
    if (ORGANISATION_SUFFIXES.some((s) => lower.length > s.length && lower.endsWith(s))) return true;
    if (ORGANISATION_SUFFIXES.some((s) => lower === s) && isUpperInitial(w)) return true;
  }
  return false;
}

function isPersonShaped(words: string[]): boolean {
  if (words.length < 2 || words.length > 6) return false;
  if (NAME_PARTICLES.has(words[0]) || NAME_PARTICLES.has(words[words.length - 1])) return false;
  const nameWords = words.filter((w) => !NAME_PARTICLES.has(w));
  if (nameWords.length < 2 || nameWords.length > 4) return false;
  return nameWords.every(isNameWord);
}

function classifyToken(token: string): Token {
  const words = token.split(" ").filter(Boolean);
  if (!/\p{L}/u.test(token) || words.length === 0 || words.length > 8) return { kind: "unknown", text: token };

  // "direktör Nordregio", "projektledare på Region Gävleborg", "vd för Almi Mitt"
  if (isLowerInitial(words[0]) && !NAME_PARTICLES.has(words[0])) {
    const firstCapital = words.findIndex((w) => /^[\p{Lu}\d]/u.test(w));
    if (firstCapital === -1) {
      return words.length <= 5 ? { kind: "role", role: token } : { kind: "unknown", text: token };
    }
    const prefix = words.slice(0, firstCapital);
    const endsWithConnector = ROLE_CONNECTORS.has(prefix[prefix.length - 1]);
    while (prefix.length && ROLE_CONNECTORS.has(prefix[prefix.length - 1])) prefix.pop();
    const role = prefix.length ? prefix.join(" ") : null;
    const restWords = words.slice(firstCapital);
    const rest = restWords.join(" ");
    // "moderator Anna Berg": a role in front of a name (only when no connector says "organisation follows")
    if (!endsWithConnector && isPersonShaped(restWords) && !hasOrganisationMarker(rest, restWords)) {
      return { kind: "person", name: rest, role };
    }
    return { kind: "organisation", organisation: rest, role };
  }

  if (hasOrganisationMarker(token, words)) return { kind: "organisation", organisation: token, role: null };
  if (isPersonShaped(words)) return { kind: "person", name: token, role: null };
  if (words.length === 1) {
    return /^[\p{L}\d][\p{L}\p{M}\d.'’+-]*$/u.test(token)
      ? { kind: "organisation", organisation: token, role: null }
      : { kind: "unknown", text: token };
  }
  if (words.some((w) => isLowerInitial(w) && !NAME_PARTICLES.has(w))) {
    return { kind: "organisation", organisation: token, role: null };
  }
  return { kind: "unknown", text: token };
}

type RawToken = { text: string; sepBefore: string };

/** Splits on "," ";" " och " " samt " " & ", keeping which separator came before each piece. */
function splitSpeakerLine(line: string): RawToken[] {
  const placeholders: string[] = [];
  let text = line;
  for (const phrase of PROTECTED_PHRASES) {
    const re = new RegExp(phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi");
    text = text.replace(re, (m) => {
      placeholders.push(m);
      return `\u0001${placeholders.length - 1}\u0001`;
    });
  }
  const restore = (s: string) => s.replace(/\u0001(\d+)\u0001/g, (_, i: string) => placeholders[Number(i)]);

  const out: RawToken[] = [];
  const sepRe = /\s*[,;]\s*|\s+(?:och|samt|&)\s+/gi;
  let last = 0;
  let sepBefore = "";
  for (let m = sepRe.exec(text); m !== null; m = sepRe.exec(text)) {
    out.push({ text: text.slice(last, m.index), sepBefore });
    sepBefore = /[,;]/.test(m[0]) ? ", " : ` ${m[0].trim()} `;
    last = m.index + m[0].length;
  }
  out.push({ text: text.slice(last), sepBefore });
  return out
    .map((t) => ({
      // "…, och Anna Berg": a conjunction left at the start of a piece after a comma
      text: restore(t.text).replace(/^(?:och|samt|&)\s+/i, "").trim(),
      sepBefore: t.sepBefore,
    }))
    .filter((t) => t.text !== "");
}

/**
 * Parses one speaker line into speakers. Tokens are classified as person, organisation or role and read
 * left to right: persons wait until an organisation follows, which is then given to all of them.
 */
export function parseSpeakerLine(line: string): { speakers: ParsedSpeaker[]; warnings: string[]; othersOmitted: boolean } {
  const { speakers, warnings, othersOmitted } = readSpeakers(line);
  return { speakers, warnings, othersOmitted };
}

type SpeakerLineReading = ReturnType<typeof parseSpeakerLine> & { firstKind: Token["kind"] | null };

function readSpeakers(line: string): SpeakerLineReading {
  const speakers: ParsedSpeaker[] = [];
  const warnings: string[] = [];
  let othersOmitted = false;
  let firstKind: Token["kind"] | null = null;
  try {
    let text = normaliseLine(typeof line === "string" ? line : "").replace(SPEAKER_PREFIX_RE, "");
    // "Namn (Organisation)" -> "Namn, Organisation"
    text = text.replace(/\s*\(([^()]*)\)\s*/g, ", $1, ").replace(/(?:\s*,\s*)+/g, ", ").replace(/^, |, $/g, "");

    const raw = splitSpeakerLine(text);
    let endedWithOthers = false;
    const pieces: RawToken[] = [];
    raw.forEach((t, i) => {
      let piece = t.text;
      if (OTHERS_RE.test(piece)) {
        othersOmitted = true;
        if (i === raw.length - 1) endedWithOthers = true;
        piece = piece.replace(OTHERS_RE, "").trim();
      }
      if (i === raw.length - 1) piece = piece.replace(/\s*[.;:]+$/, "").trim(); // "…, Region Västerbotten."
      if (piece) pieces.push({ text: piece, sepBefore: t.sepBefore });
    });
    if (othersOmitted) {
      warnings.push(
        endedWithOthers
          ? `talarraden slutar med "m.fl." – övriga talare är inte namngivna.`
          : `talarraden innehåller "m.fl." – övriga talare är inte namngivna.`,
      );
    }

    // Classify, then glue "Institutet för regional" + "och" + "lokal utveckling" back together.
    const tokens: { token: Token; sepBefore: string }[] = [];
    for (const p of pieces) {
      const token = classifyToken(p.text);
      const prev = tokens[tokens.length - 1];
      if (
        prev &&
        prev.token.kind === "organisation" &&
        p.sepBefore !== ", " &&
        token.kind === "role"
      ) {
        prev.token.organisation += `${p.sepBefore}${p.text}`;
        continue;
      }
      tokens.push({ token, sepBefore: p.sepBefore });
    }

    firstKind = tokens.length ? tokens[0].token.kind : null;
    let pending: ParsedSpeaker[] = [];
    let lastGroup: ParsedSpeaker[] = [];
    for (const { token, sepBefore } of tokens) {
      switch (token.kind) {
        case "person": {
          const sp: ParsedSpeaker = { name: token.name, role: token.role, organisation: null };
          speakers.push(sp);
          pending.push(sp);
          break;
        }
        case "role": {
          const target = pending.length ? pending : lastGroup;
          const free = target.filter((s) => s.role === null);
          if (free.length === 0) {
            warnings.push(`kunde inte koppla rollen "${token.role}" till någon talare.`);
          } else {
            for (const s of free) s.role = token.role;
          }
          break;
        }
        case "organisation": {
          if (pending.length) {
            for (const s of pending) {
              s.organisation = token.organisation;
              if (token.role && s.role === null) s.role = token.role;
            }
            lastGroup = pending;
            pending = [];
          } else if (lastGroup.length) {
            const joiner = sepBefore.trim() === "," || sepBefore === "" ? ", " : sepBefore;
            for (const s of lastGroup) s.organisation = `${s.organisation}${joiner}${token.organisation}`;
            warnings.push(
              `organisationen "${token.organisation}" står inte direkt efter något namn – den lades till hos ${listNames(lastGroup.map((s) => s.name))}.`,
            );
          } else {
            warnings.push(`organisationen "${token.organisation}" står före alla namn och hoppades över.`);
          }
          break;
        }
        case "unknown":
          warnings.push(`kunde inte tolka "${token.text}" som namn eller organisation.`);
          break;
      }
    }
    if (pending.length === 1) {
      warnings.push(`talaren "${pending[0].name}" saknar organisation.`);
    } else if (pending.length > 1) {
      warnings.push(`talarna ${listNames(pending.map((s) => s.name))} saknar organisation.`);
    }
  } catch (e) {
    warnings.push(`talarraden kunde inte tolkas (${e instanceof Error ? e.message : String(e)}).`);
  }
  return { speakers, warnings, othersOmitted, firstKind };
}

/**
 * Whether a line can be taken for a speaker line at all (and its parse, when it can): not too long, not
 * ending like a sentence, at least one person, and not opening with an organisation (prose such as
 * "Läs mer hos Reglab, Anna Berg." would otherwise yield a speaker).
 */
function readSpeakerLine(line: string): SpeakerLineReading | null {
  if (line.length > MAX_SPEAKER_LINE_LENGTH || /[?!:]$/.test(line)) return null;
  const result = readSpeakers(line);
  return result.speakers.length > 0 && result.firstKind !== "organisation" ? result : null;
}

/** A speaker line with nothing doubtful in it (used to tell "title + speakers" from "title + abstract"). */
function isCleanSpeakerLine(result: SpeakerLineReading | null): boolean {
  return (
    result !== null &&
    result.speakers.every((s) => s.organisation !== null) &&
    result.warnings.length === (result.othersOmitted ? 1 : 0)
  );
}

// ---------------------------------------------------------------------------------------------------
// Programme
// ---------------------------------------------------------------------------------------------------

type Line = { text: string; line: number };

export function parseProgramme(text: string): ParsedProgramme {
  const result: ParsedProgramme = { heading: null, intro: "", sessions: [], warnings: [] };
  try {
    const source = typeof text === "string" ? text : "";
    const blocks: Line[][] = [];
    let current: Line[] = [];
    source
      .replace(/^\ufeff/, "")
      .split(/\r\n|\r|\n/)
      .forEach((rawLine, i) => {
        const t = normaliseLine(rawLine);
        if (t === "") {
          if (current.length) blocks.push(current);
          current = [];
        } else {
          current.push({ text: t, line: i + 1 });
        }
      });
    if (current.length) blocks.push(current);

    if (blocks.length === 0) {
      result.warnings.push({ line: 1, message: "Texten är tom." });
      return result;
    }

    const warn = (line: number, message: string) => result.warnings.push({ line, message: `Rad ${line}: ${message}` });
    const looksLikeSession = (b: Line[]) => b.length >= 3 && readSpeakerLine(b[b.length - 1].text) !== null;

    // Heading and intro --------------------------------------------------------------------------------
    let next = 0;
    const first = blocks[0];
    if (looksLikeSession(first)) {
      warn(first[0].line, `texten saknar rubrik – första blocket ("${first[0].text}") lästes som ett lärpass.`);
    } else {
      result.heading = first[0].text;
      next = 1;
      if (first.length > 1) {
        result.intro = first.slice(1).map((l) => l.text).join(" ");
      } else if (blocks.length > 1 && !looksLikeSession(blocks[1])) {
        result.intro = blocks[1].map((l) => l.text).join(" ");
        next = 2;
      }
    }

    // Lärpass -----------------------------------------------------------------------------------------
    for (const block of blocks.slice(next)) {
      const title = block[0];
      if (block.length === 1) {
        warn(title.line, `ensam rad "${title.text}" utan beskrivning och talare hoppades över.`);
        continue;
      }
      const last = block[block.length - 1];
      const speakerLine = readSpeakerLine(last.text);
      if (block.length === 2) {
        if (isCleanSpeakerLine(speakerLine)) {
          // "Titel" + "Anna Berg, Region X": the abstract is what is missing
          result.sessions.push({ title: title.text, abstract: "", speakers: speakerLine!.speakers, line: title.line });
          warn(title.line, `lärpasset "${title.text}" saknar beskrivning.`);
          for (const w of speakerLine!.warnings) warn(last.line, w);
        } else {
          result.sessions.push({ title: title.text, abstract: last.text, speakers: [], line: title.line });
          warn(title.line, `lärpasset "${title.text}" saknar talarrad – inga talare registrerades.`);
        }
        continue;
      }
      if (speakerLine === null) {
        result.sessions.push({
          title: title.text,
          abstract: block.slice(1).map((l) => l.text).join(" "),
          speakers: [],
          line: title.line,
        });
        warn(
          last.line,
          `sista raden i lärpasset "${title.text}" ser inte ut som en talarrad ("${shorten(last.text)}") – inga talare registrerades.`,
        );
        continue;
      }
      result.sessions.push({
        title: title.text,
        abstract: block.slice(1, -1).map((l) => l.text).join(" "),
        speakers: speakerLine.speakers,
        line: title.line,
      });
      for (const w of speakerLine.warnings) warn(last.line, w);
    }

    // A list of only speaker lines (or a block whose title line is missing) would otherwise import a
    // lärpass titled with a speaker line, without a word.
    for (const session of result.sessions) {
      if (isCleanSpeakerLine(readSpeakerLine(session.title))) {
        warn(
          session.line,
          `titeln "${session.title}" ser ut som en talarrad. Varje lärpass börjar med sin titel; saknas titelraden, eller är det här bara en lista med talare?`,
        );
      }
    }

    if (result.sessions.length === 0) {
      warn(first[0].line, `inga lärpass hittades i texten.`);
    }
    result.warnings.sort((a, b) => a.line - b.line);
  } catch (e) {
    result.warnings.push({
      line: 1,
      message: `Rad 1: texten kunde inte tolkas (${e instanceof Error ? e.message : String(e)}).`,
    });
  }
  return result;
}

function shorten(s: string, max = 60): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** The dry-run JSON shape: sessions without `line`, keys in a fixed order. */
export function toDryRunJson(p: ParsedProgramme): {
  sessions: { title: string; abstract: string; speakers: ParsedSpeaker[] }[];
  warnings: ParseWarning[];
} {
  return {
    sessions: p.sessions.map((s) => ({
      title: s.title,
      abstract: s.abstract,
      speakers: s.speakers.map((sp) => ({ name: sp.name, role: sp.role, organisation: sp.organisation })),
    })),
    warnings: p.warnings.map((w) => ({ line: w.line, message: w.message })),
  };
}
