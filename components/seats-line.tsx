import { seatsLeft } from "@/lib/phrases";

/**
 * Seats left, or full; never a red "Fullt" to a member who holds one of the seats. Shared by the server's
 * cards and the member's client-side signup control.
 */
export function SeatsLine({
  capacity,
  seats,
  mine = false,
}: {
  capacity: number | null;
  seats: { confirmed: number; waitlisted: number };
  mine?: boolean;
}) {
  if (capacity == null) return <p className="seats">Obegränsat antal platser</p>;
  const { text, full } = seatsLeft(capacity, seats.confirmed, seats.waitlisted, mine);
  return <p className={full ? "seats full" : "seats"}>{text}</p>;
}
