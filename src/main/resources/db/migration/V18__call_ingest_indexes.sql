-- Call ingestion speed (docs/calls.md, docs/benchmarks.md): every index on call_record is updated for every
-- stored call. call_record_time_idx (call_time alone) serves no query: campaign pages and detection read calls
-- by campaign (call_record_campaign_idx) or, waiting calls, by call_record_pending_idx. It goes.
drop index if exists call_record_time_idx;
