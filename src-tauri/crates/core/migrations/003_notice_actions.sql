-- Which ties a notice is about (a reach-out or a birthday), so "Done" can
-- offer to log the contact with them. JSON array of tie ids.
ALTER TABLE notices ADD COLUMN tie_ids TEXT NOT NULL DEFAULT '[]';
