// The Swedish phrases with counts that users reported wrong ("1 platser", "1 anmälda av 1 platser",
// "12 parallella lärpass" for unscheduled ones, a promotion mail that claimed the old seat went to someone,
// a red "Fullt" above "Du har en plats").
import { describe, expect, it } from "vitest";
import { promotionReleasedLine, seatsLeft, seatsTaken, slotCount } from "./phrases";
import { plural } from "./plural";

describe("Swedish phrases with counts", () => {
  it("one seat is 'plats', more are 'platser'", () => {
    expect(plural(1, "plats", "platser")).toBe("1 plats");
    expect(plural(0, "plats", "platser")).toBe("0 platser");
    expect(seatsLeft(30, 29, 0).text).toBe("1 plats kvar av 30");
    expect(seatsLeft(30, 0, 0).text).toBe("30 platser kvar av 30");
    expect(seatsLeft(1, 1, 0)).toEqual({ text: "Fullt (1 plats)", full: true });
    expect(seatsLeft(20, 20, 3)).toEqual({ text: "Fullt (20 platser) · 3 i kö", full: true });
  });

  it("the host list's count: '1 anmäld av 1 plats', not '1 anmälda av 1 platser'", () => {
    expect(seatsTaken(1, 1)).toBe("1 anmäld av 1 plats");
    expect(seatsTaken(3, 30)).toBe("3 anmälda av 30 platser");
    expect(seatsTaken(0, null)).toBe("0 anmälda (antal platser okänt)");
  });

  it("lärpass without a time are not 'parallella'", () => {
    expect(slotCount(12, false)).toBe("12 lärpass utan tid");
    expect(slotCount(5, true)).toBe("5 parallella lärpass");
    expect(slotCount(1, true)).toBe("1 lärpass");
  });

  it("the promotion mail does not claim that someone got the old seat", () => {
    const line = promotionReleasedLine(["Lärpass B"]);
    expect(line).toBe('Din plats på "Lärpass B" vid samma tid är lämnad, eftersom du bara kan ha en plats per tid. Står någon i kö där får den platsen.');
    expect(line).not.toMatch(/lämnats över till någon annan/);
  });

  it("a member holding one of the seats is not shown a red 'Fullt'", () => {
    expect(seatsLeft(1, 1, 0, true)).toEqual({ text: "Den enda platsen är din", full: false });
    expect(seatsLeft(25, 25, 2, true)).toEqual({ text: "Alla 25 platser är tagna, en av dem är din · 2 i kö", full: false });
  });
});
