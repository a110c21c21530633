import { describe, expect, it } from "vitest";
import {
  formatDateSpan,
  formatDateTime,
  formatDay,
  formatIsoDate,
  formatTime,
  formatTimeRange,
  toZonedIso,
  utcToZoned,
  zonedToUtc,
} from "./time";

const pad = (n: number) => String(n).padStart(2, "0");
const hhmm = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

describe("zonedToUtc / utcToZoned (Europe/Stockholm)", () => {
  it("converts winter (CET, +01:00) and summer (CEST, +02:00) times", () => {
    expect(zonedToUtc("2018-03-15", "09:00").toISOString()).toBe("2018-03-15T08:00:00.000Z");
    expect(zonedToUtc("2018-06-15", "09:00").toISOString()).toBe("2018-06-15T07:00:00.000Z");
    expect(utcToZoned(new Date("2018-03-15T08:00:00Z"))).toEqual({ date: "2018-03-15", time: "09:00" });
    expect(utcToZoned(new Date("2018-06-15T07:00:00Z"))).toEqual({ date: "2018-06-15", time: "09:00" });
  });

  it("accepts 9.00 and 9:00 and throws on malformed input", () => {
    expect(zonedToUtc("2018-03-15", "9.00").getTime()).toBe(zonedToUtc("2018-03-15", "09:00").getTime());
    expect(() => zonedToUtc("15/3/2018", "09:00")).toThrow(/Ogiltig tid/);
    expect(() => zonedToUtc("2018-03-15", "nio")).toThrow(/Ogiltig tid/);
  });

  it("throws on dates and times that do not exist instead of rolling them over", () => {
    for (const [date, time] of [
      ["2019-02-01", "25:00"],
      ["2019-02-01", "99:99"],
      ["2019-02-01", "24:00"],
      ["2019-02-01", "09:60"],
      ["2019-02-30", "09:00"],
      ["2019-13-01", "09:00"],
      ["2019-00-10", "09:00"],
      ["0018-03-15", "09:00"],
    ]) {
      expect(() => zonedToUtc(date, time), `${date} ${time}`).toThrow(/Ogiltig tid/);
    }
    expect(zonedToUtc("2019-02-01", "23:59").toISOString()).toBe("2019-02-01T22:59:00.000Z");
    expect(zonedToUtc("2020-02-29", "00:00").toISOString()).toBe("2020-02-28T23:00:00.000Z");
  });

  it("handles the local date crossing midnight UTC", () => {
    expect(zonedToUtc("2018-03-15", "00:30").toISOString()).toBe("2018-03-14T23:30:00.000Z");
    expect(utcToZoned(new Date("2018-03-14T23:30:00Z"))).toEqual({ date: "2018-03-15", time: "00:30" });
  });

  it("spring forward 2018-03-25: every existing local time round-trips, offsets switch at 02:00 → 03:00", () => {
    expect(zonedToUtc("2018-03-25", "01:59").toISOString()).toBe("2018-03-25T00:59:00.000Z");
    expect(zonedToUtc("2018-03-25", "03:00").toISOString()).toBe("2018-03-25T01:00:00.000Z");
    expect(zonedToUtc("2018-03-25", "12:00").toISOString()).toBe("2018-03-25T10:00:00.000Z");
    for (let m = 0; m < 24 * 60; m += 5) {
      if (m >= 120 && m < 180) continue; // 02:00–02:59 does not exist that night
      const time = hhmm(m);
      expect(utcToZoned(zonedToUtc("2018-03-25", time)), time).toEqual({ date: "2018-03-25", time });
    }
  });

  it("fall back 2018-10-28: every local time round-trips, offsets switch at 03:00 → 02:00", () => {
    expect(zonedToUtc("2018-10-28", "01:59").toISOString()).toBe("2018-10-27T23:59:00.000Z");
    expect(zonedToUtc("2018-10-28", "03:00").toISOString()).toBe("2018-10-28T02:00:00.000Z");
    expect(zonedToUtc("2018-10-28", "12:00").toISOString()).toBe("2018-10-28T11:00:00.000Z");
    for (let m = 0; m < 24 * 60; m += 5) {
      const time = hhmm(m);
      expect(utcToZoned(zonedToUtc("2018-10-28", time)), time).toEqual({ date: "2018-10-28", time });
    }
    // 02:30 happens twice; either instant is a valid answer
    expect(["2018-10-28T00:30:00.000Z", "2018-10-28T01:30:00.000Z"]).toContain(
      zonedToUtc("2018-10-28", "02:30").toISOString(),
    );
  });

  it("every UTC instant across both DST days round-trips (except the repeated hour's first pass)", () => {
    for (const day of ["2018-03-24T22:00:00Z", "2018-10-27T21:00:00Z"]) {
      const start = new Date(day).getTime();
      for (let i = 0; i < 26 * 4; i++) {
        const instant = new Date(start + i * 15 * 60_000);
        const { date, time } = utcToZoned(instant);
        const back = zonedToUtc(date, time);
        const repeatedHourFirstPass = date === "2018-10-28" && time.startsWith("02:") && instant.getUTCHours() === 0;
        if (repeatedHourFirstPass) expect(back.getTime() - instant.getTime()).toBe(3_600_000);
        else expect(back.toISOString(), instant.toISOString()).toBe(instant.toISOString());
      }
    }
  });

  it("works in other zones too", () => {
    expect(zonedToUtc("2018-03-15", "09:00", "UTC").toISOString()).toBe("2018-03-15T09:00:00.000Z");
    expect(zonedToUtc("2018-03-15", "09:00", "America/New_York").toISOString()).toBe("2018-03-15T13:00:00.000Z");
    expect(utcToZoned(new Date("2018-03-15T13:00:00Z"), "America/New_York")).toEqual({ date: "2018-03-15", time: "09:00" });
  });
});

describe("formatting", () => {
  const start = zonedToUtc("2018-03-15", "09:00");
  const end = zonedToUtc("2018-03-15", "09:45");

  it("formatTime / formatTimeRange in Stockholm time with an en dash", () => {
    expect(formatTime(start)).toBe("09:00");
    expect(formatTimeRange(start, end)).toBe("09:00–09:45");
    expect(formatTimeRange(zonedToUtc("2018-03-15", "10:15"), zonedToUtc("2018-03-15", "11:00"))).toBe("10:15–11:00");
    // 24-hour clock also at midnight and in the afternoon
    expect(formatTime(zonedToUtc("2018-03-15", "00:05"))).toBe("00:05");
    expect(formatTime(zonedToUtc("2018-03-15", "15:30"))).toBe("15:30");
  });

  it("formatDay / formatDateTime / formatIsoDate in Swedish", () => {
    expect(formatDay(start)).toBe("torsdag 15 mars 2018");
    expect(formatDateTime(start)).toBe("15 mars 2018 kl. 09:00");
    expect(formatIsoDate("2018-03-15")).toBe("torsdag 15 mars 2018");
    // late evening in Stockholm is the next day in no zone but Stockholm's own: shown as the local day
    expect(formatDay(zonedToUtc("2018-03-15", "23:30"))).toBe("torsdag 15 mars 2018");
  });

  it("formatDateSpan", () => {
    expect(formatDateSpan("2018-03-14", "2018-03-15")).toBe("14–15 mars 2018");
    expect(formatDateSpan("2018-03-15", "2018-03-15")).toBe("15 mars 2018");
    expect(formatDateSpan("2018-03-30", "2018-04-02")).toBe("30 mars–2 april 2018");
    expect(formatDateSpan("2018-12-30", "2019-01-02")).toBe("30 december 2018–2 januari 2019");
  });

  it("toZonedIso carries the offset of the instant", () => {
    expect(toZonedIso(start)).toBe("2018-03-15T09:00:00+01:00");
    expect(toZonedIso(zonedToUtc("2018-06-15", "09:00"))).toBe("2018-06-15T09:00:00+02:00");
    expect(toZonedIso(zonedToUtc("2018-03-25", "03:00"))).toBe("2018-03-25T03:00:00+02:00");
  });
});
