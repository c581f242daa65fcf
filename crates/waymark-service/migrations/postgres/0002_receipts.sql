-- When the operator's inbox first opened an envelope and sent the device a "received" receipt.
ALTER TABLE envelopes ADD COLUMN receipted_at BIGINT;
