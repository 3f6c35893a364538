// Generated from the command registry (src/commands/) by `npm run generate-actions`; do not edit.
process.env.INPUT_COMMAND = "plan";
await import("../dist/index.js");
