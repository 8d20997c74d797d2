"""Writing events out: ``formats`` (table, json, jsonl, csv: ``FORMATS``, shared by every data
command) and ``exporters`` (exports of a store for other tools: ``EXPORTERS``, and GraphML)."""
