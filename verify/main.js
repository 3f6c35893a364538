// Generated from the command registry (src/commands/) by `npm run generate-actions`; do not edit.
process.env.INPUT_COMMAND = "verify";
await import("../dist/index.js");
