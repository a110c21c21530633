// Keyboard dragging on the schedule grid: an arrow key jumps to the nearest cell in that direction
// (instead of dnd-kit's default 25 px steps), and the drop target is the cell the card is centred on.
import { closestCenter, pointerWithin, type CollisionDetection, type KeyboardCoordinateGetter } from "@dnd-kit/core";

const directions = ["ArrowRight", "ArrowLeft", "ArrowDown", "ArrowUp"];

export const gridKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  if (!directions.includes(event.code)) return undefined;
  event.preventDefault();
  const { collisionRect, droppableRects, droppableContainers, over } = context;
  if (!collisionRect) return undefined;
  const fromRect = over ? droppableRects.get(over.id) : null;
  const from = fromRect
    ? { x: fromRect.left + fromRect.width / 2, y: fromRect.top + fromRect.height / 2 }
    : { x: collisionRect.left + collisionRect.width / 2, y: collisionRect.top + collisionRect.height / 2 };

  let best: { score: number; x: number; y: number } | null = null;
  for (const container of droppableContainers.getEnabled()) {
    if (container.id === over?.id) continue;
    const rect = droppableRects.get(container.id);
    if (!rect) continue;
    const x = rect.left + rect.width / 2;
    const y = rect.top + rect.height / 2;
    const dx = x - from.x;
    const dy = y - from.y;
    const [along, across] =
      event.code === "ArrowRight" ? [dx, dy] : event.code === "ArrowLeft" ? [-dx, dy] : event.code === "ArrowDown" ? [dy, dx] : [-dy, dx];
    if (along <= 1) continue;
    // Stay in the same row or column when there is one: sideways distance weighs more.
    const score = along + 3 * Math.abs(across);
    if (!best || score < best.score) best = { score, x, y };
  }
  if (!best) return undefined;
  return { x: best.x - collisionRect.width / 2, y: best.y - collisionRect.height / 2 };
};

/** The mouse drops where the pointer is; the keyboard (no pointer) where the card's centre is. */
export const gridCollisions: CollisionDetection = (args) => (args.pointerCoordinates ? pointerWithin(args) : closestCenter(args));
