"""Output formats of events (table, json, jsonl, csv) and exports of a store."""
