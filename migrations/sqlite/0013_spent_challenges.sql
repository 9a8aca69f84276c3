-- Proof-of-work challenges already accepted, shared by every replica (a challenge is
-- good once wherever it is answered). Only the challenge's random id and the day it
-- expires: a finer time would date a reporter's submission. Swept once the day is past.
CREATE TABLE spent_challenges (
    id TEXT PRIMARY KEY,
    expires_on TEXT NOT NULL
);
