import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, parseLarpassCsv, parseSpeakerCell, readCsvRecords, toLarpassCsv, type CsvLarpass } from "./csv";

const row = (over: Partial<CsvLarpass> = {}): CsvLarpass => ({
  title: "Behåll talangerna!",
  abstract: "Urbaniseringen kan dränera landsbygden.",
  speakers: [
    { name: "Britta Zetterlund-Johansson", role: null, organisation: "Region Värmland" },
    { name: "Maja Hedin", role: "konsult", organisation: "Effect management" },
  ],
  status: "publicerat",
  time: "2018-03-15 09:00–09:45",
  room: "Stora salen",
  capacity: 80,
  track: null,
  language: "sv",
  confirmed: 12,
  waitlisted: 0,
  slug: "behall-talangerna",
  ...over,
});

function ok(text: string) {
  const r = parseLarpassCsv(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
}

describe("toLarpassCsv", () => {
  it("writes a BOM, a header of semicolon-separated columns and CRLF lines", () => {
    const csv = toLarpassCsv([row()]);
    expect(csv.startsWith("\ufefftitel;sammanfattning;talare;status;tid;lokal;platser;spår;språk;valda;kö;adressnamn\r\n")).toBe(true);
    expect(csv.split("\r\n")).toHaveLength(3);
    expect(csv).toContain(
      'Behåll talangerna!;Urbaniseringen kan dränera landsbygden.;"Britta Zetterlund-Johansson, Region Värmland; Maja Hedin, konsult, Effect management";publicerat;2018-03-15 09:00–09:45;Stora salen;80;;sv;12;0;behall-talangerna',
    );
    expect(CSV_COLUMNS).toHaveLength(12);
  });

  it("quotes semicolons, quotes and line breaks, and defuses cells Excel would run as formulas", () => {
    const csv = toLarpassCsv([row({ title: '=HYPERLINK("x")', abstract: 'Två stycken.\n\nMed "citat"; och semikolon.', speakers: [] })]);
    const line = csv.split("\r\n").slice(1).join("\r\n");
    expect(line.startsWith(`"'=HYPERLINK(""x"")";"Två stycken.\n\nMed ""citat""; och semikolon.";;`)).toBe(true);
  });

  it("round-trips through the importer: title, abstract and speakers in order", () => {
    const rows = [
      row(),
      row({ title: "-1 + 1 = 0?", abstract: "Rad ett\nrad två", speakers: [{ name: "Kjell Nilsson", role: "direktör", organisation: "Nordregio" }] }),
      row({ title: "Utan talare", abstract: "", speakers: [] }),
    ];
    const back = ok(toLarpassCsv(rows));
    expect(back.rows).toBe(3);
    expect(back.programme.sessions.map((s) => [s.title, s.abstract, s.speakers])).toEqual([
      [
        "Behåll talangerna!",
        "Urbaniseringen kan dränera landsbygden.",
        [
          { name: "Britta Zetterlund-Johansson", role: null, organisation: "Region Värmland" },
          { name: "Maja Hedin", role: "konsult", organisation: "Effect management" },
        ],
      ],
      ["-1 + 1 = 0?", "Rad ett\nrad två", [{ name: "Kjell Nilsson", role: "direktör", organisation: "Nordregio" }]],
      ["Utan talare", "", []],
    ]);
    expect(back.programme.sessions.map((s) => s.line)).toEqual([2, 3, 5]);
  });
});

describe("parseLarpassCsv", () => {
  it("needs only a titel column; columns may come in any order and other columns are ignored", () => {
    const r = ok("Talare;Övrigt;Titel\nAnna Berg, Region X;struntar i;Ett pass\n\n;;Två pass\n");
    expect(r.programme.sessions).toEqual([
      { title: "Ett pass", abstract: "", speakers: [{ name: "Anna Berg", role: null, organisation: "Region X" }], line: 2 },
      { title: "Två pass", abstract: "", speakers: [], line: 4 },
    ]);
  });

  it("reads a comma-separated file too (the header decides)", () => {
    const r = ok('titel,sammanfattning,talare\n"Ett, två",Text,"Anna Berg, Region X; Bo Ek"\n');
    expect(r.programme.sessions[0]).toMatchObject({
      title: "Ett, två",
      speakers: [
        { name: "Anna Berg", organisation: "Region X" },
        { name: "Bo Ek", organisation: null },
      ],
    });
  });

  it("refuses the whole file with every problem and its row number", () => {
    const r = parseLarpassCsv(
      [
        "titel;sammanfattning;talare",
        "Bra pass;Text;Anna Berg",
        ";Saknar titel;",
        "Bra pass;Samma titel igen;",
        "Fyra delar;;A, b, c, d",
        "För många;celler;x;y",
      ].join("\r\n"),
    );
    expect(r).toEqual({
      ok: false,
      errors: [
        { line: 3, message: "Rad 3: titel saknas." },
        { line: 4, message: 'Rad 4: titeln "Bra pass" finns redan på rad 2.' },
        {
          line: 5,
          message:
            'Rad 5: talaren "A, b, c, d" har fler än tre delar. Skriv "Namn", "Namn, Organisation" eller "Namn, roll, Organisation" och skilj talare åt med semikolon.',
        },
        { line: 6, message: "Rad 6: 4 celler men rubrikraden har 3. Har en cell med semikolon tappat sina citattecken?" },
      ],
    });
  });

  it("explains a missing header, an empty file, an unclosed quote and a stray quote", () => {
    expect(parseLarpassCsv("Namn;Text\nA;B\n")).toMatchObject({ ok: false, errors: [{ line: 1, message: expect.stringContaining('saknar kolumnen "titel"') }] });
    expect(parseLarpassCsv("\ufeff  \n")).toEqual({ ok: false, errors: [{ line: 1, message: "Filen är tom." }] });
    expect(parseLarpassCsv("titel\n")).toEqual({ ok: false, errors: [{ line: 2, message: "Filen har inga lärpass under rubrikraden." }] });
    expect(parseLarpassCsv('titel;sammanfattning\nA;B\n"C;D\nE;F\n')).toEqual({
      ok: false,
      errors: [{ line: 3, message: "Rad 3: citattecknet som börjar här stängs aldrig." }],
    });
    expect(parseLarpassCsv('titel\nEtt "citat" mitt i\n')).toMatchObject({ ok: false, errors: [{ line: 2, message: expect.stringMatching(/^Rad 2: ett citattecken mitt i en cell/) }] });
  });

  it("counts rows by the line each record starts on, also after cells with line breaks", () => {
    const r = readCsvRecords('a;b\n"x\ny\nz";1\nnästa;2\n', ";");
    expect(r.error).toBeNull();
    expect(r.records.map((x) => [x.line, x.cells])).toEqual([
      [1, ["a", "b"]],
      [2, ["x\ny\nz", "1"]],
      [5, ["nästa", "2"]],
    ]);
  });
});

describe("parseSpeakerCell", () => {
  it("takes one, two or three parts per speaker", () => {
    expect(parseSpeakerCell("Anna; Bo Ek, SKR ;Cia Lund, chef, Region Y", 7)).toEqual({
      speakers: [
        { name: "Anna", role: null, organisation: null },
        { name: "Bo Ek", role: null, organisation: "SKR" },
        { name: "Cia Lund", role: "chef", organisation: "Region Y" },
      ],
      error: null,
    });
    expect(parseSpeakerCell(", Region X", 4).error?.message).toBe('Rad 4: en talare saknar namn (", Region X").');
  });
});

