-- The database itself refuses a confirmed seat beyond a lärpass's capacity (its own, else its room's;
-- none means unlimited). lib/registrations.ts checks first inside the same transaction; this is the guard.
CREATE TRIGGER `registrations_capacity_insert` BEFORE INSERT ON `registrations`
WHEN NEW.status = 'confirmed'
  AND (SELECT COALESCE(l.capacity, r.capacity) FROM larpass l LEFT JOIN rooms r ON r.id = l.room_id WHERE l.id = NEW.larpass_id) IS NOT NULL
  AND (SELECT count(*) FROM registrations WHERE larpass_id = NEW.larpass_id AND status = 'confirmed')
      >= (SELECT COALESCE(l.capacity, r.capacity) FROM larpass l LEFT JOIN rooms r ON r.id = l.room_id WHERE l.id = NEW.larpass_id)
BEGIN
  SELECT RAISE(ABORT, 'larpass_full');
END;
--> statement-breakpoint
CREATE TRIGGER `registrations_capacity_update` BEFORE UPDATE OF status ON `registrations`
WHEN NEW.status = 'confirmed' AND OLD.status <> 'confirmed'
  AND (SELECT COALESCE(l.capacity, r.capacity) FROM larpass l LEFT JOIN rooms r ON r.id = l.room_id WHERE l.id = NEW.larpass_id) IS NOT NULL
  AND (SELECT count(*) FROM registrations WHERE larpass_id = NEW.larpass_id AND status = 'confirmed')
      >= (SELECT COALESCE(l.capacity, r.capacity) FROM larpass l LEFT JOIN rooms r ON r.id = l.room_id WHERE l.id = NEW.larpass_id)
BEGIN
  SELECT RAISE(ABORT, 'larpass_full');
END;
