-- Statistics read tips by the day they arrived, a period of whole months at a time.
CREATE INDEX tips_received_on ON tips (received_on);
